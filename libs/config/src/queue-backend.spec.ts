import { CoreConfig } from './core.config.js';
import { InvalidConfigError, validateConfig } from './validate-config.js';

describe('QUEUE_BACKEND', () => {
  it('is redis when REDIS_URL is set', () => {
    const config = validateConfig(CoreConfig, { REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.QUEUE_BACKEND).toBe('redis');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('is postgres when REDIS_URL is not set, or empty', () => {
    expect(validateConfig(CoreConfig, {}).QUEUE_BACKEND).toBe('postgres');
    expect(validateConfig(CoreConfig, { REDIS_URL: '' }).QUEUE_BACKEND).toBe('postgres');
    expect(validateConfig(CoreConfig, {}).REDIS_URL).toBeUndefined();
  });

  it('may be postgres although REDIS_URL is set', () => {
    expect(validateConfig(CoreConfig, { QUEUE_BACKEND: 'postgres', REDIS_URL: 'redis://127.0.0.1:6379' }).QUEUE_BACKEND).toBe('postgres');
  });

  it('stops a redis backend with no REDIS_URL, naming REDIS_URL', () => {
    let error: unknown;
    try {
      validateConfig(CoreConfig, { QUEUE_BACKEND: 'redis' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toMatch(/REDIS_URL.*must be set when QUEUE_BACKEND is redis/);
  });

  it('refuses a backend it does not know', () => {
    expect(() => validateConfig(CoreConfig, { QUEUE_BACKEND: 'kafka' })).toThrow(/QUEUE_BACKEND="kafka"/);
  });

  it('still checks a REDIS_URL that is set', () => {
    expect(() => validateConfig(CoreConfig, { QUEUE_BACKEND: 'postgres', REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL="http:\/\/nope"/);
  });
});
