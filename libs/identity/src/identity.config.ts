import { IsEmail, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { CoreConfig, SetInProduction } from '#libs/config';
import { DEVELOPMENT_LINK_SECRET, LinkSecret } from '#libs/mail-contract';

const DEVELOPMENT_SECRET = 'development-only-secret-not-for-production-use';
const DEVELOPMENT_ADMIN_PASSWORD = 'development-admin-password';

/** Sign-in settings. */
export class IdentityConfig extends CoreConfig {
  @IsString()
  @MinLength(32)
  @SetInProduction(DEVELOPMENT_SECRET)
  JWT_SECRET: string = DEVELOPMENT_SECRET;

  @LinkSecret()
  LINK_SECRET: string = DEVELOPMENT_LINK_SECRET;

  /** Access tokens are short-lived: a person signs in again after this. */
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  JWT_TTL_SECONDS: number = 900;

  /**
   * How long a refresh token stays usable unused. Each refresh answers a new one, so a person who
   * keeps working stays signed in; one who leaves for longer than this signs in again.
   */
  @IsInt()
  @Min(1)
  @Max(30 * 24 * 3600)
  REFRESH_TOKEN_TTL_SECONDS: number = 8 * 3600;

  /** How long a sign-in lasts at most, however often it is refreshed: a working day with some slack. */
  @IsInt()
  @Min(1)
  @Max(30 * 24)
  SESSION_MAX_HOURS: number = 12;

  /**
   * How long a caller's role and partnerships are reused between requests. Any change to users,
   * memberships or leads empties the cache at once in every process (PostgreSQL NOTIFY), so this is
   * only a backstop; 0 reads them afresh on every request.
   */
  @IsInt()
  @Min(0)
  @Max(3600)
  CALLER_CACHE_SECONDS: number = 60;

  /** The first admin, created at start-up when no user has this email. */
  @IsEmail()
  ADMIN_EMAIL: string = 'admin@example.org';

  @IsString()
  @MinLength(12)
  @SetInProduction(DEVELOPMENT_ADMIN_PASSWORD)
  ADMIN_PASSWORD: string = DEVELOPMENT_ADMIN_PASSWORD;

  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_TTL_HOURS: number = 168;

  /** How long a link to choose a new password works, once. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  PASSWORD_RESET_TTL_MINUTES: number = 60;

  /** Password reset requests allowed per hour for one email from one address: each sends an email. */
  @IsInt()
  @Min(1)
  @Max(1000)
  PASSWORD_RESETS_PER_HOUR: number = 5;

  /** Sign-in attempts allowed per minute for one email from one address, across all API processes. */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_ATTEMPTS_PER_MINUTE: number = 10;
}
