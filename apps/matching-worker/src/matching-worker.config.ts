import { IsInt, Max, Min } from 'class-validator';
import { MatchingConfig } from '#libs/matching';

/** The matching worker's settings: those of the matching context's reactions, and its metrics port. */
export class MatchingWorkerConfig extends MatchingConfig {
  /** Port of the Prometheus metrics (GET /metrics); 0 serves none. */
  @IsInt()
  @Min(0)
  @Max(65535)
  MATCHING_WORKER_METRICS_PORT: number = 9466;
}
