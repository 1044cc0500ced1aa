import { randomUUID } from 'node:crypto';
import type { Job, Queue, Worker } from 'bullmq';
import { createQueue, createWorker, domainEvent, eventJobOptions, type EventEnvelope } from '#libs/events';
import { ADD_BATCH_SIZE, type BenchSettings } from './settings.js';
import { runPaced, withDeadline } from './load.js';
import { type Latency, latencyOf } from './stats.js';

const QUEUE = 'raw-baseline';
const DEADLINE_MS = 120_000;

/** The same job the relay would add for a registration: its envelope, named by type, the event id as job id. */
function jobOf(index: number): { name: string; data: EventEnvelope; opts: { jobId: string } } {
  const universityId = randomUUID();
  const event = domainEvent('university.registered', {
    aggregateId: universityId,
    payload: { universityId, name: `Raw University ${index}`, shortName: 'BU' },
  });
  return { name: event.type, data: event, opts: { jobId: event.id } };
}

/**
 * BullMQ alone on the same queue backend (Redis, or PostgreSQL with QUEUE_BACKEND=postgres), with the connections, job options and worker settings the product
 * uses, and a processor that does nothing: the ceiling the event pipeline is compared with.
 */
export class RawBullmq {
  private readonly queue: Queue;
  private readonly worker: Worker;

  constructor({ worker: config }: BenchSettings) {
    this.queue = createQueue(config, QUEUE, 'producer', { defaultJobOptions: eventJobOptions(config) });
    this.worker = createWorker(config, QUEUE, () => Promise.resolve('handled'), {
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.WORKER_LOCK_DURATION_MS,
      stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: 1,
    });
  }

  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
    await this.worker.waitUntilReady();
  }

  /** Jobs a second from the first addBulk to the last job completed. */
  async throughput(count: number): Promise<number> {
    const jobs = Array.from({ length: count }, (_, index) => jobOf(index));
    const completed = this.completions(count);
    const start = performance.now();
    for (let first = 0; first < count; first += ADD_BATCH_SIZE) {
      await this.queue.addBulk(jobs.slice(first, first + ADD_BATCH_SIZE));
    }
    await withDeadline(completed, DEADLINE_MS, 'raw BullMQ throughput');
    return count / ((performance.now() - start) / 1000);
  }

  /** From each add resolving to its job completing, one add at a time at a steady rate. */
  async latency(count: number, perSecond: number): Promise<Latency> {
    const addedAt = new Map<string, number>();
    const completedAt = new Map<string, number>();
    const completed = this.completions(count, (job) => completedAt.set(job.id!, performance.now()));
    await runPaced(count, perSecond, async (index) => {
      const { name, data, opts } = jobOf(index);
      await this.queue.add(name, data, opts);
      addedAt.set(opts.jobId, performance.now());
    });
    await withDeadline(completed, DEADLINE_MS, 'raw BullMQ latency');
    return latencyOf([...addedAt].map(([id, added]) => completedAt.get(id)! - added));
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }

  private completions(count: number, onEach: (job: Job) => void = () => undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      let seen = 0;
      const done = (outcome: () => void) => {
        this.worker.off('completed', completed);
        this.worker.off('failed', failed);
        outcome();
      };
      const completed = (job: Job) => {
        onEach(job);
        if (++seen === count) done(resolve);
      };
      const failed = (_job: Job | undefined, error: Error) => done(() => reject(error));
      this.worker.on('completed', completed);
      this.worker.on('failed', failed);
    });
  }
}
