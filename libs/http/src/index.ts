export { ApiProblems } from './api-problems.decorator.js';
export { cursorKey, EXAMPLE_CURSOR, likeContaining, nameIdCursor, type Page, pageByName, PageQuery, pageOf } from './pagination.js';
export { InvalidField, PROBLEM_CONTENT_TYPE, ProblemDetails, RETRY_AFTER_SECONDS } from './problem-details.js';
export { ProblemDetailsFilter, problemWith } from './problem-details.filter.js';
export { PlainText, Trimmed } from './text.js';
export { InvalidRequestException, strictValidationPipe } from './validation.js';
export { DATE_TIME_WITH_OFFSET, DateTimeWithOffset, londonDateTime } from './date-time.js';
export { UuidParam } from './uuid-param.js';
