import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { InvalidField } from './problem-details.js';

function flatten(errors: ValidationError[], parent = ''): InvalidField[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Thrown for a request whose fields are wrong; the problem-details filter lists them. */
export class InvalidRequestException extends BadRequestException {
  constructor(readonly errors: InvalidField[]) {
    super('The request is invalid: see errors.');
  }
}

/**
 * Every request body, query and parameter is checked against its class: unknown fields are
 * refused rather than dropped, and nothing is converted implicitly ("12" is not a number).
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new InvalidRequestException(
        fields.length > 0 ? fields : [{ field: '(body)', messages: ['the request body must be a JSON object'] }],
      );
    },
  });
}
