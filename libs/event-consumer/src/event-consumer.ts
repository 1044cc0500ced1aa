import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Job, type Queue, UnrecoverableError, type Worker } from 'bullmq';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import {
  CONSUMER_SUBSCRIPTIONS,
  type ConsumerGroup,
  createQueue,
  createWorker,
  EVENT_CATALOGUE,
  OutageBackoff,
  payloadProblems,
  queueNameOf,
  warnUnlessNoEviction,
  warnUnlessPersistent,
  workerConnection,
} from '#libs/events';
import { Correlation } from '#libs/observability';
import { EventHandlerRegistry } from './event-handler-registry.js';
import { EventMetrics } from './event-metrics.js';
import { type EventHandler, type EventSubscription, HANDLES_EVENTS } from './handles-event.decorator.js';
import { handleOnce, type InboxOutcome } from './inbox.js';
import { parseEnvelope } from './parse-envelope.js';
import { WorkerConfig } from './worker.config.js';

export const CONSUMER_GROUP = Symbol('consumer-group');

/**
 * Consumes one consumer group's queue: finds the app's @HandlesEvents providers, checks the wiring,
 * checks each job's envelope and payload against the event catalogue, and hands it to its handler
 * exactly once through the inbox. A job that breaks the contract fails at once; a dependency that
 * cannot be reached pauses the queue without using attempts (OutageBackoff); other failures retry
 * with backoff (set on the jobs by the relay) and then stay in the failed set.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private worker: Worker | undefined;
  private queue: Queue | undefined;
  private lastErrorLoggedAt = 0;
  private errorsSinceLastLog = 0;
  private readonly metrics: EventMetrics;

  constructor(
    @Inject(CONSUMER_GROUP) readonly group: ConsumerGroup,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly config: WorkerConfig,
    @Optional() registry?: Registry,
  ) {
    this.metrics = new EventMetrics(group, registry);
  }

  async onApplicationBootstrap(): Promise<void> {
    const registry = new EventHandlerRegistry(this.group, this.currentSubscriptions(), this.discoverHandlers());
    if (this.config.QUEUE_BACKEND === 'redis' && this.config.REDIS_URL) {
      const connection = workerConnection(this.config.REDIS_URL);
      await warnUnlessNoEviction(connection, this.logger);
      await warnUnlessPersistent(connection, this.logger);
    }
    this.queue = createQueue(this.config, queueNameOf(this.group), 'worker');
    this.queue.on('error', () => undefined); // the worker's own error handler reports a lost store
    const backoff = new OutageBackoff(this.queue, this.config, this.logger);
    this.worker = createWorker(this.config, queueNameOf(this.group), (job) => backoff.run(() => this.metrics.time(job.name, () => this.process(registry, job))), {
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.WORKER_LOCK_DURATION_MS,
      stalledInterval: this.config.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: 1,
    });
    this.worker.on('failed', (job, error) => {
      const final = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
      this.metrics.failed(job?.name, final || error instanceof UnrecoverableError);
      const fields = { jobId: job?.id, eventType: job?.name, attempts: job?.attemptsMade, error: error.message };
      if (final || error instanceof UnrecoverableError) this.logger.error(fields, 'event failed for good: it stays in the failed set to be replayed');
      else this.logger.warn(fields, 'event failed; it will be retried');
    });
    this.worker.on('stalled', (jobId) => this.logger.warn({ jobId }, 'job stalled (its worker died); it is back in the queue'));
    this.worker.on('error', (error) => this.logWorkerError(error));
    this.logger.log(`Consuming ${queueNameOf(this.group)} (concurrency ${this.config.WORKER_CONCURRENCY})`);
  }

  /**
   * Lets active jobs finish, then disconnects; jobs not yet started stay in the queue for another
   * worker. Runs before the database connection closes, which the active jobs still need.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    this.logger.log('Stopping: taking no new jobs, finishing the active ones');
    await this.worker.close();
    await this.queue?.close();
    this.logger.log('Stopped');
  }

  private async process(registry: EventHandlerRegistry, job: Job): Promise<InboxOutcome> {
    const event = parseEnvelope(job.data);
    const handler = registry.handlerFor(event.type, event.version);
    if (!handler) {
      throw new UnrecoverableError(`${this.group} has no handler for ${event.type} version ${event.version}`);
    }
    // Before the inbox row: a payload that breaks the contract can never succeed, and is no handled event.
    const problems = payloadProblems(event.type, event.version, event.payload);
    if (problems.length > 0) {
      throw new UnrecoverableError(`invalid payload of ${event.type} v${event.version}: ${problems.join('; ')}`);
    }
    return Correlation.run(event.correlationId, async () => {
      const outcome = await handleOnce(this.dataSource, this.group, event, (transaction) => handler.handle(event, transaction));
      if (handler.afterCommit) await handler.afterCommit(event);
      const fields = { eventId: event.id, eventType: event.type, aggregateId: event.aggregateId, attempt: job.attemptsMade + 1 };
      this.logger.log(fields, outcome === 'handled' ? 'event handled' : 'event already handled; skipped');
      return outcome;
    });
  }

  /** While the queues' store is away every reconnection attempt errs: one line every 10 s says it, with the count. */
  private logWorkerError(error: Error): void {
    this.errorsSinceLastLog += 1;
    if (Date.now() - this.lastErrorLoggedAt < 10_000) return;
    this.logger.warn({ error: error.message, errors: this.errorsSinceLastLog }, 'worker error (a lost connection to the queues is retried until it is back)');
    this.lastErrorLoggedAt = Date.now();
    this.errorsSinceLastLog = 0;
  }

  private currentSubscriptions(): EventSubscription[] {
    return CONSUMER_SUBSCRIPTIONS[this.group].map((type) => ({ type, version: EVENT_CATALOGUE[type].version }));
  }

  private discoverHandlers(): { subscription: EventSubscription; handler: EventHandler }[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      if (!wrapper.metatype || !wrapper.instance) return [];
      const subscriptions = this.reflector.get<EventSubscription[] | undefined>(HANDLES_EVENTS, wrapper.metatype as object as Function);
      return (subscriptions ?? []).map((subscription) => ({ subscription, handler: wrapper.instance as EventHandler }));
    });
  }
}
