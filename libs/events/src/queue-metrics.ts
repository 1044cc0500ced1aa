import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';
import { withTimeout } from '#libs/observability';

/** The job states shown: those that wait or run; completed jobs are removed as they age. */
const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;

/** A scrape must answer while the queues' store is away: each queue gets this long, then shows nothing. */
const READ_TIMEOUT_MS = 2000;

/**
 * The depth of queues and the age of their oldest waiting job, read when scraped through BullMQ's
 * Queue API (not Redis commands), so they hold on either backend. Every module of a process that
 * watches a queue adds it to the one pair of gauges of the process's registry.
 */
class QueueGauges {
  private readonly queues = new Map<string, Queue>();
  private reading: Promise<void> | undefined;
  private readonly jobs: Gauge<'queue' | 'state'>;
  private readonly oldestWaiting: Gauge<'queue'>;

  constructor(registry: Registry) {
    this.jobs = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs on a queue by state (waiting, prioritized, delayed, active, failed); read when scraped',
      labelNames: ['queue', 'state'],
      registers: [registry],
      collect: () => this.read(),
    });
    this.oldestWaiting = new Gauge({
      name: 'queue_oldest_waiting_job_age_seconds',
      help: 'Age of the oldest job waiting on a queue (0 when none waits); read when scraped',
      labelNames: ['queue'],
      registers: [registry],
      collect: () => this.read(),
    });
  }

  watch(queue: Queue): void {
    this.queues.set(queue.name, queue);
  }

  /** One read a scrape, shared by both gauges, whose collect callbacks prom-client runs side by side. */
  private read(): Promise<void> {
    this.reading ??= this.readAll().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readAll(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => this.readOne(queue)));
  }

  private async readOne(queue: Queue): Promise<void> {
    try {
      const [counts, [oldest]] = await withTimeout(Promise.all([queue.getJobCounts(...STATES), queue.getJobs(['waiting'], 0, 0, true)]), READ_TIMEOUT_MS, `reading ${queue.name}`);
      for (const state of STATES) this.jobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      this.oldestWaiting.set({ queue: queue.name }, oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0);
    } catch {
      // Unknown, not zero: an empty-looking queue while its store is away would mislead.
      for (const state of STATES) this.jobs.remove({ queue: queue.name, state });
      this.oldestWaiting.remove({ queue: queue.name });
    }
  }
}

const gaugesOf = new WeakMap<Registry, QueueGauges>();

/** Shows `queue`'s depth and oldest waiting job in `registry` (none: nowhere, as in a test's module). */
export function watchQueue(registry: Registry | undefined, queue: Queue): void {
  if (!registry) return;
  let gauges = gaugesOf.get(registry);
  if (!gauges) {
    gauges = new QueueGauges(registry);
    gaugesOf.set(registry, gauges);
  }
  gauges.watch(queue);
}
