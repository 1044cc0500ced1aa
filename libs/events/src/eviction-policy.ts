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
    const reply = (await client.config('GET', 'maxmemory-policy'));
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

/**
 * A Redis that keeps nothing on disk loses every queued job and schedule when it restarts. The
 * outbox reconciler delivers the lost events again, but only minutes later: say so at start-up.
 * Returns whether Redis persists (null when it could not be read).
 */
export async function warnUnlessPersistent(options: RedisOptions, logger = new Logger('Redis')): Promise<boolean | null> {
  const client = new Redis({ ...options, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [, save] = (await client.config('GET', 'save'));
    const [, appendOnly] = (await client.config('GET', 'appendonly'));
    const persistent = Boolean(save?.trim()) || appendOnly === 'yes';
    if (!persistent) {
      logger.warn(
        'Redis keeps nothing on disk (no "save" snapshots, "appendonly no"): a restart loses every queued event and the digest schedules. ' +
          'Events come back from the outbox after OUTBOX_RECONCILE_AFTER_SECONDS and the schedules within DIGEST_SCHEDULES_CHECK_MS, ' +
          'but set "appendonly yes" on this Redis.',
      );
    }
    return persistent;
  } catch {
    // Whether it can be reached at all is warnUnlessNoEviction's to say.
    return null;
  } finally {
    client.disconnect();
  }
}
