import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { CONSUMER_GROUPS, type ConsumerGroup, queueNameOf, subscribersOf } from './consumer-groups.js';
import type { EventEnvelope } from './event-envelope.js';

/** Puts events on the queue of every consumer group that subscribes to them. */
@Injectable()
export class EventPublisher implements OnModuleInit {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly queues = new Map<ConsumerGroup, Queue>();
  private redisAway = false;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const group of CONSUMER_GROUPS) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(queueNameOf(group)), { strict: false });
      // One line an outage, not one a reconnection attempt.
      queue.on('error', (error) => {
        if (!this.redisAway) this.logger.warn(`Redis unreachable for queue ${queue.name}: ${error.message}`);
        this.redisAway = true;
      });
      this.queues.set(group, queue);
    }
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
    await Promise.all([...jobsByGroup].map(([group, jobs]) => this.queueOf(group).addBulk(jobs)));
    this.redisAway = false;
  }

  /** Of these events' ids, those with no job on the group's queue: never added, or lost with Redis's data. */
  async withoutJobs(group: ConsumerGroup, eventIds: readonly string[]): Promise<string[]> {
    const queue = this.queueOf(group);
    const jobs = await Promise.all(eventIds.map((id) => queue.getJob(id)));
    return eventIds.filter((_, index) => !jobs[index]);
  }

  /** Puts events on one group's queue again (the inbox makes a second delivery harmless). */
  async republish(group: ConsumerGroup, events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await this.queueOf(group).addBulk(events.map((event) => ({ name: event.type, data: event, opts: { jobId: event.id } })));
  }

  /** Resolves when Redis answers; rejects at once when it does not. */
  async ping(): Promise<void> {
    const client = await this.queueOf(CONSUMER_GROUPS[0]).getBackend().client;
    await client.runCommand('ping', []);
  }

  private queueOf(group: ConsumerGroup): Queue {
    const queue = this.queues.get(group);
    if (!queue) throw new Error(`No queue registered for consumer group ${group}`);
    return queue;
  }
}
