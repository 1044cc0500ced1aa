export { ApiProblems } from './api-problems.decorator.js';
export { decodeCursor, encodeCursor, likeContaining, nameIdCursor, type Page, PageQuery, pageOf } from './pagination.js';
export { InvalidField, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details.js';
export { ProblemDetailsFilter, problemOf } from './problem-details.filter.js';
export { Trimmed } from './trimmed.js';
export { InvalidRequestException, strictValidationPipe } from './validation.js';
