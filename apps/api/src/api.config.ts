import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { CoreConfig } from '#libs/config';

export class ApiConfig extends CoreConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Whether this process also relays the outbox to the queues; any number of relays may run. */
  @Transform(({ value }) => (typeof value === 'string' ? { true: true, false: false }[value] ?? value : value))
  @IsBoolean()
  OUTBOX_RELAY = true;

  /** Serve the Swagger UI at /api/docs (the OpenAPI JSON at /api/docs-json is always served). */
  @Transform(({ value }) => (typeof value === 'string' ? { true: true, false: false }[value] ?? value : value))
  @IsBoolean()
  API_DOCS_UI = true;

  /** Largest request body accepted, in bytes. */
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 100_000;
}
