import type { RedisOptions } from 'bullmq';

function baseOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * For code that adds jobs: fail at once when Redis is away, and give up on a Redis that accepts
 * the connection but does not answer, so neither a request nor the relay ever hangs on it.
 */
export function producerConnection(redisUrl: string): RedisOptions {
  return { ...baseOptions(redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 5000 };
}

/** For workers: wait for Redis however long it is away, then carry on. */
export function workerConnection(redisUrl: string): RedisOptions {
  return { ...baseOptions(redisUrl), maxRetriesPerRequest: null, retryStrategy: (attempt) => Math.min(attempt * 200, 5000) };
}
