import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { DefaultJobOptions } from 'bullmq';
import { CoreConfig } from '#libs/config';
import { CONSUMER_GROUPS, queueNameOf } from './consumer-groups.js';
import { EventPublisher } from './event-publisher.js';
import { producerConnection } from './redis-connection.js';

/** Options of every event job: retried with exponential backoff, kept in the failed set when all tries fail. */
export function eventJobOptions(config: CoreConfig): DefaultJobOptions {
  return {
    attempts: config.EVENT_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.EVENT_JOB_BACKOFF_MS },
    // Completed jobs go after a while (the inbox remembers them); failed ones stay to be replayed.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}

/** The producer side of the event queues: one queue a consumer group, on a fail-fast connection. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [CoreConfig],
      useFactory: (config: CoreConfig) => ({
        connection: producerConnection(config.REDIS_URL),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: eventJobOptions(config),
      }),
    }),
    BullModule.registerQueue(...CONSUMER_GROUPS.map((group) => ({ name: queueNameOf(group) }))),
  ],
  providers: [EventPublisher],
  exports: [EventPublisher],
})
export class EventQueuesModule {}
