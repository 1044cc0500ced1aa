import { Queue } from 'bullmq';
import { createQueue, queueSchemaOf } from './queue-backend.js';

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
});
