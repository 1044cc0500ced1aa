import {
  type BackendFactory,
  createPostgresBackend,
  type PostgresPoolConfig,
  type Processor,
  Queue,
  type QueueOptions,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import type { QueueBackend } from '#libs/config';
import { producerConnection, workerConnection } from './redis-connection.js';

/** What building a queue object needs from the settings: which backend, where it is, and the namespace. */
export interface QueueBackendSettings {
  QUEUE_BACKEND: QueueBackend;
  REDIS_URL?: string;
  DATABASE_URL: string;
  QUEUE_PREFIX: string;
}

/**
 * `producer`: for code that adds jobs on a request's or the relay's path, which must fail at once when
 * the store is away. `worker`: for workers and their own queue handles, which wait for it to come back.
 */
export type QueueRole = 'producer' | 'worker';

/**
 * The PostgreSQL schema of the queues of `prefix`: BullMQ ignores `prefix` on PostgreSQL, so the
 * schema keeps deployments (and test files) sharing one database server apart. `tpm` → `tpm_queues`.
 */
export function queueSchemaOf(prefix: string): string {
  const schema = `${prefix.toLowerCase().replace(/-/g, '_')}_queues`;
  return /^[a-z_]/.test(schema) ? schema : `q${schema}`;
}

/**
 * A pool of its own for each queue object (BullMQ closes what it builds); the schema is migrated by
 * BullMQ. A worker's jobs each hold a connection while they move on, so its pool grows to its
 * concurrency, and one more for its own bookkeeping (stalled checks); connections open only when used.
 */
function postgresConnection(settings: QueueBackendSettings, role: QueueRole, concurrency: number): PostgresPoolConfig {
  return {
    connectionString: settings.DATABASE_URL,
    schema: queueSchemaOf(settings.QUEUE_PREFIX),
    migrate: true,
    max: role === 'producer' ? 2 : Math.max(3, concurrency + 1),
    // A producer gives up at once on a PostgreSQL that is away (the outbox keeps the events); a
    // worker's pool keeps trying on each query until it is back.
    connectionTimeoutMillis: role === 'producer' ? 2000 : 10_000,
    idleTimeoutMillis: 10_000,
    application_name: `tpm-queues-${role}`,
  };
}

type Backend = { connection: unknown; factory: BackendFactory<never, never> | undefined };

function backendOf(settings: QueueBackendSettings, role: QueueRole, concurrency = 1): Backend {
  if (settings.QUEUE_BACKEND === 'postgres') {
    return { connection: postgresConnection(settings, role, concurrency), factory: createPostgresBackend as unknown as BackendFactory<never, never> };
  }
  if (!settings.REDIS_URL) throw new Error('REDIS_URL must be set when QUEUE_BACKEND is redis');
  return { connection: role === 'producer' ? producerConnection(settings.REDIS_URL) : workerConnection(settings.REDIS_URL), factory: undefined };
}

type Without<T> = Omit<T, 'connection' | 'prefix'>;

// The objects are typed as BullMQ's defaults: the code that uses them calls only what every backend
// has (never `getBackend().client`, which only Redis has).

/** A queue of the configured backend, with the connection its role needs. */
export function createQueue<T = unknown>(settings: QueueBackendSettings, name: string, role: QueueRole, options: Without<QueueOptions> = {}): Queue<T> {
  const { connection, factory } = backendOf(settings, role);
  const all = { ...options, connection, prefix: settings.QUEUE_PREFIX } as QueueOptions<never>;
  return (factory ? new Queue(name, all, factory) : new Queue(name, all)) as unknown as Queue<T>;
}

/** A worker of the configured backend, on a connection that waits for the store however long it is away. */
export function createWorker<T = unknown>(settings: QueueBackendSettings, name: string, processor: Processor<T>, options: Without<WorkerOptions> = {}): Worker<T> {
  const { connection, factory } = backendOf(settings, 'worker', options.concurrency);
  const all = { ...options, connection, prefix: settings.QUEUE_PREFIX } as WorkerOptions<never>;
  return (factory ? new Worker(name, processor as Processor, all, factory) : new Worker(name, processor as Processor, all)) as unknown as Worker<T>;
}

/**
 * On PostgreSQL, BullMQ's addBulk builds and drops two temporary tables each call: about 5 ms of the
 * server's time whatever the batch's size, where one add costs about 0.6 ms. A relay at a low rate
 * sends batches of one or two, so below this size each job is added on its own.
 */
export const POSTGRES_BULK_FROM = 8;

/** Adds `jobs` to `queue` the cheaper way for its backend: in bulk, or one add each for a small batch on PostgreSQL. */
export async function addJobs(settings: Pick<QueueBackendSettings, 'QUEUE_BACKEND'>, queue: Queue, jobs: { name: string; data: unknown; opts: { jobId: string } }[]): Promise<void> {
  if (settings.QUEUE_BACKEND === 'postgres' && jobs.length < POSTGRES_BULK_FROM) {
    // Concurrently, on the producer's pool: BullMQ ignores an add whose job id it already has.
    await Promise.all(jobs.map((job) => queue.add(job.name, job.data, job.opts)));
    return;
  }
  await queue.addBulk(jobs);
}

/**
 * Resolves when the queues' store answers, rejecting when it does not: a backend-agnostic question
 * (whether the queue is paused) that each backend answers with one round trip.
 */
export async function pingQueue(queue: Queue, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queues' store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([queue.isPaused(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
