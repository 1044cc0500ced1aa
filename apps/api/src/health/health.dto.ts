import { ApiProperty } from '@nestjs/swagger';

const UP = { database: { status: 'up' }, queues: { status: 'up', backend: 'redis' } };

/** Terminus's answer: each dependency's state, split into those that are up and those that are not. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' })
  status!: 'ok' | 'error' | 'shutting_down';

  @ApiProperty({ type: 'object', additionalProperties: true, example: UP, description: 'The dependencies that answer; `queues.backend` is where the queues live (`redis` or `postgres`).' })
  info!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, example: {}, description: 'The dependencies that do not, with why.' })
  error!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, example: UP, description: 'Every dependency.' })
  details!: Record<string, unknown>;
}
