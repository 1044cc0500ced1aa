import { Logger } from '@nestjs/common';
import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * BullMQ loses jobs when Redis may evict keys: say so loudly at start-up.
 * Returns the policy, or null when it could not be read (Redis away, or CONFIG disabled).
 */
export async function warnUnlessNoEviction(options: RedisOptions, logger = new Logger('Redis')): Promise<string | null> {
  const client = new Redis({ ...options, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1] ?? null;
    if (policy !== 'noeviction') {
      logger.warn(
        `Redis maxmemory-policy is "${policy}", not "noeviction": BullMQ can lose jobs when Redis is full. ` +
          'Set "maxmemory-policy noeviction" on this Redis.',
      );
    }
    return policy;
  } catch (error) {
    logger.warn(`Could not read Redis maxmemory-policy (${(error as Error).message}); it must be "noeviction".`);
    return null;
  } finally {
    client.disconnect();
  }
}
