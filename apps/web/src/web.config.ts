import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ProcessConfig, SetInProduction } from '#libs/config';

const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-not-for-production';

/** The web's settings: where it listens, where the API is, and the key of its session cookie. */
export class WebConfig extends ProcessConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  WEB_PORT: number = 8080;

  @IsString()
  WEB_HOST: string = '127.0.0.1';

  /** Port of the Prometheus metrics (GET /metrics), apart from WEB_PORT; 0 serves none. */
  @IsInt()
  @Min(0)
  @Max(65535)
  WEB_METRICS_PORT: number = 9465;

  /** The API the pages call, as the signed-in person. */
  @Matches(/^https?:\/\/[^/]+$/, { message: 'must be an http:// or https:// origin without a path, e.g. http://127.0.0.1:3000' })
  API_URL: string = 'http://127.0.0.1:3000';

  /** Encrypts the session cookie (which holds the API tokens); 32 characters or more. */
  @IsString()
  @MinLength(32)
  @SetInProduction(DEVELOPMENT_SESSION_SECRET)
  SESSION_SECRET: string = DEVELOPMENT_SESSION_SECRET;

  /** The access token is refreshed when it has less than this left. */
  @IsInt()
  @Min(5)
  @Max(3600)
  TOKEN_REFRESH_MARGIN_SECONDS: number = 30;

  /** How long a call to the API may take before the page says the service is unavailable. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  API_TIMEOUT_MS: number = 10_000;
}
