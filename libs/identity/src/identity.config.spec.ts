import { validateConfig } from '#libs/config';
import { IdentityConfig } from './identity.config.js';

describe('IdentityConfig', () => {
  it('works out of the box on a development machine', () => {
    expect(() => validateConfig(IdentityConfig, {})).not.toThrow();
  });

  it('refuses the development secrets and admin password in production, naming each', () => {
    expect(() => validateConfig(IdentityConfig, { NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET must be set in production[\s\S]*LINK_SECRET must be set in production[\s\S]*ADMIN_PASSWORD must be set in production/,
    );
  });

  it('accepts real ones in production', () => {
    const config = validateConfig(IdentityConfig, {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/tpm',
      JWT_SECRET: 'x'.repeat(48),
      ADMIN_PASSWORD: 'a real admin password',
      LINK_SECRET: 'y'.repeat(48),
    });
    expect(config.JWT_SECRET).toHaveLength(48);
  });

  it('refuses a short secret', () => {
    expect(() => validateConfig(IdentityConfig, { JWT_SECRET: 'short' })).toThrow(/JWT_SECRET="short"/);
  });

  it('keeps a sign-in for a working day by default, and refuses lifetimes that are not whole and positive', () => {
    const config = validateConfig(IdentityConfig, {});
    expect({ ttl: config.REFRESH_TOKEN_TTL_SECONDS, hours: config.SESSION_MAX_HOURS }).toEqual({ ttl: 8 * 3600, hours: 12 });
    expect(() => validateConfig(IdentityConfig, { REFRESH_TOKEN_TTL_SECONDS: '0' })).toThrow(/REFRESH_TOKEN_TTL_SECONDS="0"/);
    expect(() => validateConfig(IdentityConfig, { SESSION_MAX_HOURS: '1.5' })).toThrow(/SESSION_MAX_HOURS="1.5"/);
  });
});
