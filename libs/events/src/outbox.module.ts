import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEventRow } from './outbox-event.entity.js';

/** For contexts whose commands write events: registers the outbox table with the connection. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventRow])],
  exports: [TypeOrmModule],
})
export class OutboxModule {}
