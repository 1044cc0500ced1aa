import { IsBoolean, IsInt, Min } from 'class-validator';
import { CoreConfig } from './core.config.js';
import { TextBoolean } from './text-boolean.js';
import { InvalidConfigError, validateConfig } from './validate-config.js';

class ExampleConfig extends CoreConfig {
  @IsInt()
  @Min(1)
  PORT: number = 3000;

  @TextBoolean()
  @IsBoolean()
  FEATURE: boolean = true;
}

describe('validateConfig', () => {
  it('applies defaults that work on a development machine', () => {
    const config = validateConfig(ExampleConfig, {});
    expect(config).toBeInstanceOf(ExampleConfig);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5439/tpm');
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.QUEUE_BACKEND).toBe('postgres');
    expect(config.PORT).toBe(3000);
  });

  it('turns strings from the environment into typed values', () => {
    expect(validateConfig(ExampleConfig, { PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    ['false', false],
    ['true', true],
  ])('reads the boolean %s as %s', (raw, expected) => {
    expect(validateConfig(ExampleConfig, { FEATURE: raw }).FEATURE).toBe(expected);
  });

  it('refuses a boolean that is neither true nor false', () => {
    expect(() => validateConfig(ExampleConfig, { FEATURE: 'yes' })).toThrow(/FEATURE="yes"/);
  });

  it('treats an empty variable as unset', () => {
    expect(validateConfig(ExampleConfig, { PORT: '' }).PORT).toBe(3000);
  });

  it('names every wrong variable in its message', () => {
    let error: unknown;
    try {
      validateConfig(ExampleConfig, { PORT: 'eighty', REDIS_URL: 'http://nope', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('REDIS_URL="http://nope"');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(message).not.toContain('DATABASE_URL');
  });

  it('refuses the embedded database in production, naming DATABASE_URL', () => {
    expect(() => validateConfig(ExampleConfig, { NODE_ENV: 'production' })).toThrow(/DATABASE_URL=undefined: DATABASE_URL must be set in production/);
    expect(validateConfig(ExampleConfig, { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.internal/tpm' }).DATABASE_URL).toBe('postgres://db.internal/tpm');
  });

  it('ignores variables that are not settings', () => {
    const config = validateConfig(ExampleConfig, { HOME: '/root', PATH: '/bin' });
    expect(config).not.toHaveProperty('HOME');
  });
});
