import { IsInt, Max, Min } from 'class-validator';
import { CoreConfig } from '#libs/config';

/** Settings of a process that consumes an event queue. */
export class WorkerConfig extends CoreConfig {
  /** Jobs one process handles at once; each holds a database connection while it runs (see DATABASE_POOL_SIZE). */
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY: number = 10;

  /** How long a job's lock lasts without renewal; a killed worker's job is free again after it. */
  @IsInt()
  @Min(500)
  WORKER_LOCK_DURATION_MS: number = 30_000;

  /** How often the worker looks for jobs whose worker died (stalled jobs) and puts them back. */
  @IsInt()
  @Min(500)
  WORKER_STALLED_INTERVAL_MS: number = 30_000;
}
