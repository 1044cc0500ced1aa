import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type RateLimit, RateLimiter } from '../http/rate-limiter.js';

// One statement, so concurrent hits on a key (from any API process) are counted exactly: the upsert
// locks the key's row, and a hit waiting on it sees the count the other left. A window that has passed
// starts again at 1; a key not blocked that passes the limit is blocked from now for blockMs.
const HIT = `
INSERT INTO rate_limits AS r (key, hits, window_ends_at, blocked_until)
VALUES ($1, 1, now() + $2::int * interval '1 millisecond', CASE WHEN 1 > $3::int THEN now() + $4::int * interval '1 millisecond' END)
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
  window_ends_at = CASE WHEN r.window_ends_at <= now() THEN excluded.window_ends_at ELSE r.window_ends_at END,
  blocked_until = CASE
    WHEN r.blocked_until > now() THEN r.blocked_until
    WHEN (CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END) > $3::int THEN now() + $4::int * interval '1 millisecond'
  END
RETURNING coalesce(ceil(extract(epoch FROM blocked_until - now()) * 1000), 0)::bigint AS blocked_ms`;

const SWEEP_EVERY_MS = 60_000;

/**
 * Rate limits kept in PostgreSQL (QUEUE_BACKEND=postgres), with the semantics of the Redis ones: a
 * fixed window, a block once past the limit, shared by every API process. Rows whose window and block
 * have both passed are deleted lazily, at most once a minute, by the hit that finds them due.
 */
export class RateLimits extends RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private sweptAt = 0;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hit(key: string, { windowMs, limit, blockMs }: RateLimit): Promise<number> {
    try {
      await this.sweep();
      const [row] = await this.dataSource.query<{ blocked_ms: string }[]>(HIT, [key, windowMs, limit, blockMs]);
      const blockedMs = Number(row?.blocked_ms ?? 0);
      return blockedMs > 0 ? Math.ceil(blockedMs / 1000) : 0;
    } catch (error) {
      // As with Redis: a rate limit that cannot be counted does not stop anyone signing in.
      this.logger.warn(`Rate limit not applied, PostgreSQL unavailable: ${(error as Error).message}`);
      return 0;
    }
  }

  /** Deletes the rows of no further use: their window and their block have passed. */
  async sweep(force = false): Promise<number> {
    if (!force && Date.now() - this.sweptAt < SWEEP_EVERY_MS) return 0;
    this.sweptAt = Date.now();
    const [, deleted] = await this.dataSource.query<[unknown, number]>(`DELETE FROM rate_limits WHERE expires_at <= now()`);
    return deleted;
  }
}
