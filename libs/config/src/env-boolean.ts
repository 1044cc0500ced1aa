import { Transform } from 'class-transformer';

/**
 * Reads "true" / "false" from the environment. It looks at the raw variable, because implicit
 * conversion would turn the string "false" into true; anything else is left for validation to refuse.
 */
export const EnvBoolean = (): PropertyDecorator =>
  Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const raw = obj[key];
    if (raw === 'true' || raw === true) return true;
    if (raw === 'false' || raw === false) return false;
    return raw;
  });
