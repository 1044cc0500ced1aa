export { ApiProblems } from './api-problems.decorator.js';
export { decodeCursor, encodeCursor, likeContaining, nameIdCursor, type Page, pageByName, PageQuery, pageOf } from './pagination.js';
export { InvalidField, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details.js';
export { ProblemDetailsFilter, problemOf } from './problem-details.filter.js';
export { isStorableText, PlainText, Trimmed } from './text.js';
export { InvalidRequestException, strictValidationPipe } from './validation.js';
