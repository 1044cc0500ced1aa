import { Module } from '@nestjs/common';
import { EventPublisher } from './event-publisher.js';

/** The producer side of the event queues: one queue a consumer group, on a fail-fast connection. */
@Module({
  providers: [EventPublisher],
  exports: [EventPublisher],
})
export class EventQueuesModule {}
