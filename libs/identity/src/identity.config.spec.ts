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
      JWT_SECRET: 'x'.repeat(48),
      ADMIN_PASSWORD: 'a real admin password',
      LINK_SECRET: 'y'.repeat(48),
    });
    expect(config.JWT_SECRET).toHaveLength(48);
  });

  it('refuses a short secret', () => {
    expect(() => validateConfig(IdentityConfig, { JWT_SECRET: 'short' })).toThrow(/JWT_SECRET="short"/);
  });
});
