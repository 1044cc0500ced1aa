import type { Queue } from 'bullmq';
import type { CoreConfig } from '#libs/config';
import { CONSUMER_GROUPS, type ConsumerGroup, queueNameOf } from './consumer-groups.js';
import { createQueue } from './queue-backend.js';

export interface FailedEvent {
  group: ConsumerGroup;
  jobId: string;
  eventType: string;
  attempts: number;
  failedReason: string;
  failedAt: string | null;
}

/** The failed sets of the consumer groups' queues: what failed for good, and putting it back to be tried again. */
export class FailedEvents {
  private readonly queues: Map<ConsumerGroup, Queue>;

  constructor(config: CoreConfig) {
    this.queues = new Map(CONSUMER_GROUPS.map((group) => [group, createQueue(config, queueNameOf(group), 'producer')]));
  }

  async list(groups: readonly ConsumerGroup[] = CONSUMER_GROUPS): Promise<FailedEvent[]> {
    const lists = await Promise.all(
      groups.map(async (group) =>
        (await (await this.queue(group)).getFailed()).map((job) => ({
          group,
          jobId: job.id ?? '',
          eventType: job.name,
          attempts: job.attemptsMade,
          failedReason: job.failedReason,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })),
      ),
    );
    return lists.flat();
  }

  /** Retries one failed job, or every failed job of the group when `jobId` is omitted. Returns how many. */
  async replay(group: ConsumerGroup, jobId?: string): Promise<number> {
    const queue = await this.queue(group);
    if (jobId === undefined) {
      const failed = await queue.getFailed();
      await Promise.all(failed.map((job) => job.retry('failed')));
      return failed.length;
    }
    const job = await queue.getJob(jobId);
    if (!job || !(await job.isFailed())) return 0;
    await job.retry('failed');
    return 1;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  /** A queue ready for commands: its connection fails fast rather than queueing them while it connects. */
  private async queue(group: ConsumerGroup): Promise<Queue> {
    const queue = this.queues.get(group)!;
    await queue.waitUntilReady();
    return queue;
  }
}
