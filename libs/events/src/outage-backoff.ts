import type { Logger } from '@nestjs/common';
import { type Queue, RateLimitError } from 'bullmq';
import { isUnreachableDependency } from '#libs/observability';

interface OutageBackoffSettings {
  EVENT_JOB_BACKOFF_MS: number;
  OUTAGE_RETRY_MAX_MS: number;
}

/**
 * A job that fails because PostgreSQL, Redis or the SMTP server cannot be reached is not at fault,
 * and must not use up its attempts (which would send every job of a long outage to the failed set).
 * Such a failure pauses the whole queue instead, for every worker, for a delay that doubles up to a
 * cap while the outage lasts; the job goes back to waiting as it was. Other failures count as ever.
 */
export class OutageBackoff {
  private failuresInOutage = 0;
  private warnedAt = 0;

  constructor(
    private readonly queue: Queue,
    private readonly settings: OutageBackoffSettings,
    private readonly logger: Logger,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (!isUnreachableDependency(error)) throw error;
      await this.pause(error as Error);
      throw new RateLimitError();
    }
    if (this.failuresInOutage > 0) {
      this.logger.log({ failures: this.failuresInOutage }, `${this.queue.name}: dependencies reachable again; the queue runs on`);
      this.failuresInOutage = 0;
      this.warnedAt = 0;
    }
    return result;
  }

  private async pause(error: Error): Promise<void> {
    const delay = Math.min(this.settings.EVENT_JOB_BACKOFF_MS * 2 ** Math.min(this.failuresInOutage, 30), this.settings.OUTAGE_RETRY_MAX_MS);
    this.failuresInOutage += 1;
    await this.queue.rateLimit(delay);
    // Concurrent jobs fail together: a line every half minute says the outage goes on.
    if (Date.now() - this.warnedAt >= 30_000) {
      this.warnedAt = Date.now();
      this.logger.warn({ error: error.message, pauseMs: delay, failures: this.failuresInOutage }, `${this.queue.name}: a dependency cannot be reached; the queue waits without using attempts`);
    }
  }
}
