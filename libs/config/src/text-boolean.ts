import { Transform } from 'class-transformer';

/**
 * Reads "true" / "false" written as text (an environment variable, a query parameter). It looks at
 * the raw value, because implicit conversion would turn "false" into true; anything else is left
 * for validation to refuse.
 */
export const TextBoolean = (): PropertyDecorator =>
  Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (raw === 'true' || raw === true) return true;
    if (raw === 'false' || raw === false) return false;
    return raw;
  });
