import { ValidateBy, type ValidationArguments } from 'class-validator';

/** Refuses a setting's development default when NODE_ENV is production: it has to be set for real. */
export const SetInProduction = (developmentDefault: unknown): PropertyDecorator =>
  ValidateBy({
    name: 'setInProduction',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        (args?.object as { NODE_ENV?: string }).NODE_ENV !== 'production' || value !== developmentDefault,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be set in production (the development default is refused)`,
    },
  });
