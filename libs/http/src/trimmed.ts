import { Transform } from 'class-transformer';

/** Trims surrounding whitespace from a string field before it is validated; other values pass unchanged. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
