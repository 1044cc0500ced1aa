import { randomBytes } from 'node:crypto';

/** The PostgreSQL server tests use unless TEST_DATABASE_SERVER_URL names another. */
export const MACHINE_DATABASE_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Where tests find PostgreSQL and Redis; the machine's services unless told otherwise. The run's
 * global set-up may start a PostgreSQL of its own and set TEST_DATABASE_SERVER_URL for the workers.
 */
export const testSettings = {
  get serverUrl(): string {
    return process.env.TEST_DATABASE_SERVER_URL ?? MACHINE_DATABASE_SERVER_URL;
  },
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/**
 * Names everything one test run creates (databases, queue prefixes), so runs on the same services
 * never touch each other's, and the run's teardown finds all of its own. Set by the global set-up.
 */
export function testRunId(): string {
  const id = process.env.TPM_TEST_RUN;
  if (!id) throw new Error('TPM_TEST_RUN is not set: run the tests with `npm test` (or `npm run jest`)');
  return id;
}

export function newTestRunId(): string {
  return randomBytes(3).toString('hex');
}

/** The prefix of every queue key of this run. */
export function runQueuePrefix(run = testRunId()): string {
  return `tpmtest-${run}`;
}

/** A queue prefix no other test file or run uses, so files can share one Redis. */
export function uniqueQueuePrefix(): string {
  return `${runQueuePrefix()}-${randomBytes(4).toString('hex')}`;
}
