import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

const DESCRIPTIONS = {
  400: 'The request is invalid; `errors` lists the fields.',
  401: 'Not signed in, or the token is invalid or has expired.',
  403: 'Signed in, but not allowed to do this.',
  404: "No such record (also a record of a partnership the caller does not work in).",
  409: 'The request conflicts with the current state (e.g. a duplicate).',
  422: 'The request is well formed but cannot be met.',
  429: 'Too many requests; try again later.',
};

type ProblemStatus = keyof typeof DESCRIPTIONS;

/**
 * Documents the problem-details answers an endpoint (or every endpoint of a controller) can give;
 * a status with its own description is given as `[status, description]`.
 */
export const ApiProblems = (...problems: (ProblemStatus | [ProblemStatus, string])[]) =>
  applyDecorators(
    ...problems.map((problem) => {
      const [status, description] = Array.isArray(problem) ? problem : [problem, DESCRIPTIONS[problem]];
      return ApiResponse({
        status,
        description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      });
    }),
  );
