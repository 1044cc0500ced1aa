import { ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL refusing a row because `constraint` (a unique index) already holds it. */
function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** True when `error` is PostgreSQL refusing a row whose foreign key (`constraint`, if given) points at nothing. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23503' && (constraint === undefined || driverError.constraint === constraint);
}

/** Runs `work`; PostgreSQL refusing a duplicate under the unique `constraint` becomes a 409 saying `message`. */
export async function conflictOnDuplicate<T>(constraint: string, message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw new ConflictException(message);
    throw error;
  }
}
