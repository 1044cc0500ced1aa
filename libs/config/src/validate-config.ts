import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

function describe(error: ValidationError, env: Record<string, unknown>): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}=${JSON.stringify(env[error.property])}: ${reasons}`;
}

/**
 * Turns raw environment variables into a typed, validated config object.
 * Property names are the variable names, so every message names the variable to fix.
 */
export function validateConfig<T extends object>(
  schema: new () => T,
  env: Record<string, unknown>,
): T {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(schema, defined, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidConfigError(errors.map((error) => describe(error, defined)));
  return config;
}
