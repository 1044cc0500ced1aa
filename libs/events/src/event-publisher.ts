import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import type { DefaultJobOptions, Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { CoreConfig } from '#libs/config';
import { CONSUMER_GROUPS, type ConsumerGroup, queueNameOf, subscribersOf } from './consumer-groups.js';
import type { EventEnvelope } from './event-envelope.js';
import { addJobs, createQueue, pingQueue } from './queue-backend.js';
import { watchQueue } from './queue-metrics.js';

/** Options of every event job: retried with exponential backoff, kept in the failed set when all tries fail. */
export function eventJobOptions(config: CoreConfig): DefaultJobOptions {
  return {
    attempts: config.EVENT_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.EVENT_JOB_BACKOFF_MS },
    // Completed jobs go after a while (the inbox remembers them); failed ones stay to be replayed.
    // The count cap bounds Redis's memory. On PostgreSQL it would sort the kept jobs at every
    // completion, and concurrent completions deadlock on what they delete, so age alone bounds it there.
    removeOnComplete: config.QUEUE_BACKEND === 'postgres' ? { age: 24 * 3600 } : { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}

/**
 * Puts events on the queue of every consumer group that subscribes to them: one queue a group, on the
 * configured backend's fail-fast producer connection. The queues close after the relay has stopped.
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly queues = new Map<ConsumerGroup, Queue>();
  private storeAway = false;

  constructor(
    private readonly config: CoreConfig,
    @Optional() private readonly registry?: Registry,
  ) {}

  onModuleInit(): void {
    for (const group of CONSUMER_GROUPS) {
      const queue = createQueue(this.config, queueNameOf(group), 'producer', { defaultJobOptions: eventJobOptions(this.config) });
      // One line an outage, not one a reconnection attempt.
      queue.on('error', (error) => {
        if (!this.storeAway) this.logger.warn(`Queue store (${this.config.QUEUE_BACKEND}) unreachable for queue ${queue.name}: ${error.message}`);
        this.storeAway = true;
      });
      this.queues.set(group, queue);
      // The API watches every consumer group's queue: it runs whichever workers do or do not.
      watchQueue(this.registry, queue);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  /** Which backend keeps the queues: `redis` or `postgres`. */
  get backend(): CoreConfig['QUEUE_BACKEND'] {
    return this.config.QUEUE_BACKEND;
  }

  /** The event id is the job id, so publishing the same event again never enqueues it twice. */
  async publish(events: readonly EventEnvelope[]): Promise<void> {
    const jobsByGroup = new Map<ConsumerGroup, { name: string; data: EventEnvelope; opts: { jobId: string } }[]>();
    for (const event of events) {
      for (const group of subscribersOf(event.type)) {
        const jobs = jobsByGroup.get(group) ?? [];
        jobs.push({ name: event.type, data: event, opts: { jobId: event.id } });
        jobsByGroup.set(group, jobs);
      }
    }
    await Promise.all([...jobsByGroup].map(([group, jobs]) => addJobs(this.config, this.queueOf(group), jobs)));
    this.storeAway = false;
  }

  /** Of these events' ids, those with no job on the group's queue: never added, or lost with the store's data. */
  async withoutJobs(group: ConsumerGroup, eventIds: readonly string[]): Promise<string[]> {
    const queue = this.queueOf(group);
    const jobs = await Promise.all(eventIds.map((id) => queue.getJob(id)));
    return eventIds.filter((_, index) => !jobs[index]);
  }

  /** Puts events on one group's queue again (the inbox makes a second delivery harmless). */
  async republish(group: ConsumerGroup, events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await addJobs(this.config, this.queueOf(group), events.map((event) => ({ name: event.type, data: event, opts: { jobId: event.id } })));
  }

  /** Resolves when the queues' store (Redis or PostgreSQL) answers; rejects when it does not. */
  ping(): Promise<void> {
    return pingQueue(this.queueOf(CONSUMER_GROUPS[0]));
  }

  private queueOf(group: ConsumerGroup): Queue {
    const queue = this.queues.get(group);
    if (!queue) throw new Error(`No queue registered for consumer group ${group}`);
    return queue;
  }
}
