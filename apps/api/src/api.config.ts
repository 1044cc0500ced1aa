import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';
import { TextBoolean } from '#libs/config';
import { IdentityConfig } from '#libs/identity';

export class ApiConfig extends IdentityConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** Port of the Prometheus metrics (GET /metrics), apart from the public PORT; 0 serves none. */
  @IsInt()
  @Min(0)
  @Max(65535)
  API_METRICS_PORT: number = 9464;

  /** Whether this process also relays the outbox to the queues; any number of relays may run. */
  @TextBoolean()
  @IsBoolean()
  OUTBOX_RELAY: boolean = true;

  /** Serve the Swagger UI at /api/docs (the OpenAPI JSON at /api/docs-json is always served). */
  @TextBoolean()
  @IsBoolean()
  API_DOCS_UI: boolean = true;

  /** Serve Bull Board, for admins, at /api/admin/queues. */
  @TextBoolean()
  @IsBoolean()
  QUEUE_DASHBOARD: boolean = true;

  /** Largest request body accepted, in bytes. */
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES: number = 100_000;
}
