import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; `errors` lists the fields.',
  404: 'No such record.',
  409: 'The request conflicts with the current state (e.g. a duplicate).',
};

/** Documents the problem-details answers an endpoint can give. */
export const ApiProblems = (...statuses: (keyof typeof DESCRIPTIONS)[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      }),
    ),
  );
