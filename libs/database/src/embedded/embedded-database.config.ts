import { IsInt, IsString, Max, Min } from 'class-validator';
import { EMBEDDED_DATABASE_PORT, ProcessConfig } from '#libs/config';

/** Settings of the PostgreSQL that `npm start` runs itself when DATABASE_URL is not set. */
export class EmbeddedDatabaseConfig extends ProcessConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_DATABASE_PORT: number = EMBEDDED_DATABASE_PORT;

  /** Kept between runs; `npm run db:wipe` removes it. */
  @IsString()
  EMBEDDED_DATABASE_DIR: string = '.data/postgres';
}
