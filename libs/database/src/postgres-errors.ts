import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL refusing a row because `constraint` (a unique index) already holds it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
