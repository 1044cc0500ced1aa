import { randomBytes } from 'node:crypto';

/** Where tests find PostgreSQL and Redis; the machine's services unless told otherwise. */
export const testSettings = {
  serverUrl: process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/** A queue prefix no other test file or run uses, so files can share one Redis. */
export function uniqueQueuePrefix(): string {
  return `tpmtest-${randomBytes(5).toString('hex')}`;
}
