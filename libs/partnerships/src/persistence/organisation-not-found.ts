import { NotFoundException } from '@nestjs/common';
import { isForeignKeyViolation } from '#libs/database';

/** A membership that names an organisation which does not exist, as the 404 that says which. */
export function organisationNotFound(error: unknown): NotFoundException | null {
  if (!isForeignKeyViolation(error)) return null;
  const detail = String((error as { driverError?: { detail?: string } }).driverError?.detail ?? '');
  const [, type, id] = /\((university|council)_id\)=\(([^)]+)\)/.exec(detail) ?? [];
  return new NotFoundException(type ? `No ${type} has id ${id}.` : 'A member organisation does not exist.');
}
