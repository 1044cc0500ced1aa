import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventQueuesModule } from './event-queues.module.js';
import { OutboxEventRow } from './outbox-event.entity.js';
import { OutboxReconciler } from './outbox-reconciler.js';
import { OutboxRelay } from './outbox-relay.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventRow]), EventQueuesModule],
  // Every relay reconciles too: any number may, as re-adding a job that is there already does nothing.
  providers: [OutboxRelay, OutboxReconciler],
  exports: [OutboxRelay, OutboxReconciler, EventQueuesModule],
})
export class OutboxRelayModule {}
