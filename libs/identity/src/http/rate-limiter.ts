import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CoreConfig } from '#libs/config';
import { producerConnection } from '#libs/events';

export interface RateLimit {
  windowMs: number;
  limit: number;
  blockMs: number;
}

/**
 * Rate limits shared by every API process: a fixed window counts the hits of a key, and a key that
 * passes the limit is blocked for `blockMs`. Kept where the queues are: in Redis, or in PostgreSQL
 * when there is no Redis (`RateLimits`).
 */
export abstract class RateLimiter {
  /** Counts one attempt under `key`; answers how many seconds it is blocked for (0: go ahead). */
  abstract hit(key: string, limit: RateLimit): Promise<number>;
}

// Counts a hit in a fixed window and blocks the key once it passes the limit, atomically,
// so every API process shares one count.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return blocked`;

/** Rate limits kept in Redis (QUEUE_BACKEND=redis). */
export class RedisRateLimiter extends RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: Redis;

  constructor(config: CoreConfig) {
    super();
    if (!config.REDIS_URL) throw new Error('REDIS_URL must be set for rate limits kept in Redis');
    this.redis = new Redis({ ...producerConnection(config.REDIS_URL), keyPrefix: `${config.QUEUE_PREFIX}:rate-limit:` });
    this.redis.on('error', () => undefined);
  }

  async hit(key: string, { windowMs, limit, blockMs }: RateLimit): Promise<number> {
    try {
      const blockedMs = (await this.redis.eval(HIT, 2, key, `${key}:blocked`, windowMs, limit, blockMs)) as number;
      return blockedMs > 0 ? Math.ceil(blockedMs / 1000) : 0;
    } catch (error) {
      // Signing in stays possible while Redis is away; the limit comes back with it.
      this.logger.warn(`Rate limit not applied, Redis unavailable: ${(error as Error).message}`);
      return 0;
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
