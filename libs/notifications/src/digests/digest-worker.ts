import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue, Worker } from 'bullmq';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { createQueue, createWorker, eventJobOptions, OutageBackoff, watchQueue } from '#libs/events';
import { Links } from '../delivery/links.js';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { NotificationConfig } from '../notification.config.js';
import { DigestMetrics } from './digest-metrics.js';
import { DIGEST_SCHEDULES, type DigestFrequency, digestPeriod } from './digest-period.js';
import { digestKey, planDigests } from './digest-planner.js';
import { DIGEST_QUEUE, type DigestBatchJob, type DigestRunJob } from './digest-queue.js';

/**
 * Runs the digests: a `run` job (scheduled daily and weekly at 07:00 London time, or added by hand)
 * streams the confirmed subscribers by id, a page at a time, into `batch` jobs; each batch plans its
 * digests in one statement and sends them. Memory stays flat however many subscribers there are.
 */
@Injectable()
export class DigestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestWorker.name);
  private queue: Queue | undefined;
  private worker: Worker | undefined;
  private scheduleCheck: NodeJS.Timeout | undefined;
  private readonly metrics: DigestMetrics;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delivery: MessageDelivery,
    private readonly links: Links,
    private readonly config: NotificationConfig,
    @Optional() private readonly registry?: Registry,
  ) {
    this.metrics = new DigestMetrics(registry);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.queue = createQueue(this.config, DIGEST_QUEUE, 'worker', { defaultJobOptions: this.jobOptions() });
    this.queue.on('error', () => undefined);
    watchQueue(this.registry, this.queue);
    if (this.config.DIGEST_SCHEDULES) {
      await this.registerSchedules();
      this.scheduleCheck = setInterval(
        () => void this.registerSchedules().catch((error: Error) => this.logger.warn(`Registering the digest schedules failed: ${error.message}`)),
        this.config.DIGEST_SCHEDULES_CHECK_MS,
      );
    }
    const backoff = new OutageBackoff(this.queue, this.config, this.logger);
    const process = (job: Job) => (job.name === 'run' ? this.run(job as Job<DigestRunJob>) : this.batch(job as Job<DigestBatchJob>));
    this.worker = createWorker(this.config, DIGEST_QUEUE, (job) => backoff.run(() => process(job)), {
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.WORKER_LOCK_DURATION_MS,
      stalledInterval: this.config.WORKER_STALLED_INTERVAL_MS,
    });
    this.worker.on('failed', (job, error) => this.logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, error: error.message }, 'digest job failed'));
    this.worker.on('error', () => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.scheduleCheck);
    await this.worker?.close();
    await this.queue?.close();
  }

  /** The queue, open from bootstrap on; the schedules and jobs that use it start only after that. */
  private get openQueue(): Queue {
    if (!this.queue) throw new Error('The digest queue is used before the worker started');
    return this.queue;
  }

  /** Upserting is idempotent: again and again, so schedules a lost Redis took come back by themselves. */
  private async registerSchedules(): Promise<void> {
    for (const frequency of Object.keys(DIGEST_SCHEDULES) as DigestFrequency[]) {
      await this.openQueue.upsertJobScheduler(
        `${frequency}-digest`,
        { pattern: DIGEST_SCHEDULES[frequency], tz: 'Europe/London' },
        { name: 'run', data: { frequency } satisfies DigestRunJob, opts: this.jobOptions() },
      );
    }
  }

  private jobOptions() {
    // Completed batches are kept for a week: a retried run re-adding one is then a no-op.
    return { ...eventJobOptions(this.config), removeOnComplete: { age: 8 * 24 * 3600 } };
  }

  private async run(job: Job<DigestRunJob>): Promise<void> {
    const { frequency } = job.data;
    const scheduledFor = job.data.scheduledFor ?? Number(/:(\d+)$/.exec(job.id ?? '')?.[1] ?? job.timestamp);
    const period = digestPeriod(frequency, scheduledFor);
    let after = '00000000-0000-0000-0000-000000000000';
    let batches = 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM subscriptions WHERE status = 'confirmed' AND frequency = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [frequency, after, this.config.DIGEST_BATCH_SIZE],
      );
      if (rows.length === 0) break;
      const subscriptionIds = rows.map((r) => r.id);
      after = subscriptionIds.at(-1)!;
      // Named by this run and its first subscription: a retried run adds no batch twice, while a
      // later run in the same period gets batches of its own. Once a period per subscriber is the
      // planner's to keep (each subscriber's message for the period is recorded once).
      await this.openQueue.add('batch', { frequency, period, subscriptionIds } satisfies DigestBatchJob, { jobId: `${job.id}-${subscriptionIds[0]}` });
      batches += 1;
    }
    this.metrics.onRunQueued(frequency, batches);
    this.logger.log({ frequency, period, batches }, 'digest run queued its batches');
  }

  private async batch(job: Job<DigestBatchJob>): Promise<void> {
    const planned = await this.dataSource.transaction((transaction) =>
      planDigests(transaction, job.data, { opportunity: this.links.opportunity(''), all: this.links.findOpportunities() }, this.config.DIGEST_QUIET_SECONDS),
    );
    // Also sends what an earlier attempt of this batch planned but did not get to send.
    await this.delivery.deliver(
      job.data.subscriptionIds.map((id) => digestKey(job.data.period, id)),
      { concurrency: this.config.DIGEST_SEND_CONCURRENCY },
    );
    this.metrics.onBatchSent(job.data.frequency, planned);
    this.logger.debug({ period: job.data.period, planned }, 'digest batch sent');
  }
}
