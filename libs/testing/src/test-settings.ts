import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

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

export type TestQueueBackend = 'redis' | 'postgres';

/** Whether a Redis answers PING at `url`; a plain socket, so no client library keeps timers behind. */
function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port || 6379), hostname.replace(/^\[|\]$/g, ''));
    const done = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
    socket.once('error', () => done(false));
  });
}

let queueBackend: Promise<TestQueueBackend> | undefined;

/**
 * Where the tests' processes keep their queues: TEST_QUEUE_BACKEND (`redis` or `postgres`), or by
 * default `redis` when the Redis at TEST_REDIS_URL answers and `postgres` when it does not.
 */
export function testQueueBackend(): Promise<TestQueueBackend> {
  queueBackend ??= (async () => {
    const chosen = process.env.TEST_QUEUE_BACKEND;
    if (chosen === 'redis' || chosen === 'postgres') return chosen;
    if (chosen) throw new Error(`TEST_QUEUE_BACKEND=${chosen}: must be redis or postgres`);
    return (await redisAnswers(testSettings.redisUrl)) ? 'redis' : 'postgres';
  })();
  return queueBackend;
}

/** The settings that point a process at the tests' queue backend: no REDIS_URL at all on PostgreSQL. */
export async function queueBackendSettings(): Promise<Record<string, string>> {
  return (await testQueueBackend()) === 'redis'
    ? { QUEUE_BACKEND: 'redis', REDIS_URL: testSettings.redisUrl }
    : { QUEUE_BACKEND: 'postgres' };
}

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
