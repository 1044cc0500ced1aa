import { Queue } from 'bullmq';
import type { PostgresPoolConfig } from 'bullmq';
import { eventJobOptions } from './event-publisher.js';
import { createQueue, createWorker, queueSchemaOf } from './queue-backend.js';

describe('the queue backend', () => {
  it('names the PostgreSQL schema after the queue prefix', () => {
    expect(queueSchemaOf('tpm')).toBe('tpm_queues');
    expect(queueSchemaOf('tpmtest-1a2b3c-deadbeef')).toBe('tpmtest_1a2b3c_deadbeef_queues');
    expect(queueSchemaOf('Staging')).toBe('staging_queues');
    expect(queueSchemaOf('2026')).toBe('q2026_queues');
  });

  it('refuses a redis backend without REDIS_URL', () => {
    expect(() => createQueue({ QUEUE_BACKEND: 'redis', DATABASE_URL: 'postgres://localhost/tpm', QUEUE_PREFIX: 'tpm' }, 'q', 'producer')).toThrow(/REDIS_URL/);
  });

  it('builds a queue on PostgreSQL with the backend as its own, not the process-wide default', async () => {
    const onPostgres = createQueue({ QUEUE_BACKEND: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tpm', QUEUE_PREFIX: 'tpm' }, 'q', 'producer');
    onPostgres.on('error', () => undefined);
    expect(onPostgres).toBeInstanceOf(Queue);
    expect(onPostgres.getBackend().constructor.name).toBe('PostgresQueueBackend');
    await onPostgres.close();
  });

  it("sizes a PostgreSQL worker's pool to its concurrency, with one connection to spare", async () => {
    const settings = { QUEUE_BACKEND: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tpm', QUEUE_PREFIX: 'tpm' } as const;
    const worker = createWorker(settings, 'q', () => Promise.resolve(), { concurrency: 10, autorun: false });
    worker.on('error', () => undefined);
    expect((worker.opts.connection as PostgresPoolConfig).max).toBe(11);
    await worker.close();
  });

  it('caps completed event jobs by count only on Redis, where they take memory', () => {
    const options = (QUEUE_BACKEND: 'redis' | 'postgres') =>
      eventJobOptions({ QUEUE_BACKEND, EVENT_JOB_ATTEMPTS: 5, EVENT_JOB_BACKOFF_MS: 1000 } as Parameters<typeof eventJobOptions>[0]);
    expect(options('redis').removeOnComplete).toEqual({ age: 24 * 3600, count: 10_000 });
    expect(options('postgres').removeOnComplete).toEqual({ age: 24 * 3600 });
  });
});
