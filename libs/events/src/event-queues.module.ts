import { Module } from '@nestjs/common';
import { EventPublisher } from './event-publisher.js';
import { OutboxMetrics } from './outbox-metrics.js';

/**
 * The producer side of the event queues: one queue a consumer group, on a fail-fast connection; and
 * the figures of how far the events are from the queues, shown by every API process, relaying or not.
 */
@Module({
  providers: [EventPublisher, OutboxMetrics],
  exports: [EventPublisher],
})
export class EventQueuesModule {}
