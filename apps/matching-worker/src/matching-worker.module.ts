import { type DynamicModule, Module } from '@nestjs/common';
import { TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EventConsumerModule, type WorkerConfig } from '#libs/event-consumer';
import { LoggingModule } from '#libs/observability';
import { OrganisationRegisteredHandler } from './organisation-registered.handler.js';

@Module({})
export class MatchingWorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: MatchingWorkerModule,
      imports: [TypedConfigModule.forRoot(config), LoggingModule, DatabaseModule, EventConsumerModule.forGroup('matching')],
      providers: [OrganisationRegisteredHandler],
    };
  }
}
