import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { ConsumerGroup } from '#libs/events';
import { CONSUMER_GROUP, EventConsumer } from './event-consumer.js';

@Module({})
export class EventConsumerModule {
  /** Consumes `group`'s queue with the @HandlesEvents providers of the importing app. */
  static forGroup(group: ConsumerGroup): DynamicModule {
    return {
      module: EventConsumerModule,
      imports: [DiscoveryModule],
      providers: [{ provide: CONSUMER_GROUP, useValue: group }, EventConsumer],
      exports: [EventConsumer],
    };
  }
}
