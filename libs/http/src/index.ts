export { ApiProblems } from './api-problems.decorator.js';
export { cursorKey, likeContaining, type Page, pageByName, PageQuery, pageOf } from './pagination.js';
export { InvalidField, ProblemDetails } from './problem-details.js';
export { ProblemDetailsFilter } from './problem-details.filter.js';
export { PlainText, Trimmed } from './text.js';
export { InvalidRequestException, strictValidationPipe } from './validation.js';
