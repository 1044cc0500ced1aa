import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventQueuesModule } from './event-queues.module.js';
import { OutboxEventRow } from './outbox-event.entity.js';
import { OutboxRelay } from './outbox-relay.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventRow]), EventQueuesModule],
  providers: [OutboxRelay],
  exports: [OutboxRelay, EventQueuesModule],
})
export class OutboxRelayModule {}
