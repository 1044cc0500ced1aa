import { type DynamicModule, Module } from '@nestjs/common';
import { TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EventConsumerModule } from '#libs/event-consumer';
import { MatchingModule } from '#libs/matching';
import { LoggingModule, MetricsModule } from '#libs/observability';
import type { MatchingWorkerConfig } from './matching-worker.config.js';

@Module({})
export class MatchingWorkerModule {
  static forRoot(config: MatchingWorkerConfig): DynamicModule {
    return {
      module: MatchingWorkerModule,
      imports: [TypedConfigModule.forRoot(config), LoggingModule, MetricsModule, DatabaseModule.forRoot({ entities: 'none' }), MatchingModule, EventConsumerModule.forGroup('matching')],
    };
  }
}
