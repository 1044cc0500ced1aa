import { isUnavailableDependency, isUnreachableDependency } from './unavailable-dependency.js';

const withCode = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('failed'), { code, ...extra });

describe('telling an unreachable dependency from a failure of the work itself', () => {
  it('knows a server that is not there, in the words of pg, TypeORM, ioredis and nodemailer', () => {
    expect(isUnreachableDependency(withCode('ECONNREFUSED'))).toBe(true);
    expect(isUnreachableDependency(Object.assign(new Error('query failed'), { driverError: withCode('57P01') }))).toBe(true);
    expect(isUnreachableDependency(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isUnreachableDependency(Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
    // nodemailer wraps ECONNREFUSED as ESOCKET, and a server going away as ECONNECTION.
    expect(isUnreachableDependency(withCode('ESOCKET', { command: 'CONN' }))).toBe(true);
    expect(isUnreachableDependency(withCode('ECONNECTION'))).toBe(true);
    expect(isUnreachableDependency(withCode('EPROTOCOL', { responseCode: 421 }))).toBe(true);
  });

  it('counts what only this work can cause as its own failure', () => {
    expect(isUnreachableDependency(new Error('downstream said no'))).toBe(false);
    expect(isUnreachableDependency(withCode('23505'))).toBe(false);
    expect(isUnreachableDependency(withCode('EENVELOPE', { responseCode: 451 }))).toBe(false);
  });

  it('treats a statement past its timeout as unavailable to a request, but not as unreachable: the statement may be the slow one', () => {
    const timedOut = Object.assign(new Error('canceling statement due to statement timeout'), { driverError: withCode('57014') });
    expect(isUnavailableDependency(timedOut)).toBe(true);
    expect(isUnreachableDependency(timedOut)).toBe(false);
  });
});
