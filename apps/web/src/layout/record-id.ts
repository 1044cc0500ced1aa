import { ParseUUIDPipe } from '@nestjs/common';
import { ApiProblem } from '../api/api-errors.js';

/** A record's id in a page's address: anything that is not one is the 404 page, as an unknown id is. */
export const uuid = new ParseUUIDPipe({ exceptionFactory: () => new ApiProblem(404, {}) });
