import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Trims surrounding whitespace from a string field before it is validated; other values pass unchanged. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

// PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
const WITHOUT_NUL = /^[^\u0000]*$/;

/** A non-empty line of text a person typed: trimmed, at most `maxLength` characters, storable. */
export const PlainText = (maxLength: number): PropertyDecorator =>
  applyDecorators(
    Trimmed(),
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
    Matches(WITHOUT_NUL, { message: '$property must not contain NUL characters' }),
  );

export function isStorableText(text: string): boolean {
  return WITHOUT_NUL.test(text);
}
