import { ConflictException, NotFoundException } from '@nestjs/common';
import { problemOf } from './problem-details.filter.js';
import { InvalidRequestException } from './validation.js';

describe('problemOf', () => {
  it('describes an HTTP error as RFC 9457 problem details', () => {
    expect(problemOf(new ConflictException('A university named "UEA" is already registered.'), '/api/universities')).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'A university named "UEA" is already registered.',
      instance: '/api/universities',
    });
  });

  it('lists the invalid fields of a bad request', () => {
    const problem = problemOf(new InvalidRequestException([{ field: 'name', messages: ['name must be a string'] }]), '/api/councils');
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'name', messages: ['name must be a string'] }] });
  });

  it('keeps the status of a client error raised by the HTTP server itself', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(problemOf(tooLarge, '/api/universities')).toMatchObject({ status: 413, title: 'Content Too Large', detail: 'Request body is too large' });
  });

  it('tells nothing of an unexpected error but that it happened', () => {
    const problem = problemOf(new Error('connection string postgres://secret@db'), '/api/universities');
    expect(problem).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });

  it('answers 400, not 500, for a value PostgreSQL cannot store', () => {
    const error = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { driverError: { code: '22021' } });
    expect(problemOf(error, '/api/universities')).toMatchObject({ status: 400, detail: 'A value in the request cannot be stored.' });
  });

  it('names an unknown route as not found', () => {
    expect(problemOf(new NotFoundException('Cannot GET /api/nowhere'), '/api/nowhere').status).toBe(404);
  });
});
