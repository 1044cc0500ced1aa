import { type DynamicModule, Module } from '@nestjs/common';
import { TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EventConsumerModule, type WorkerConfig } from '#libs/event-consumer';
import { LoggingModule } from '#libs/observability';
import { OrganisationRegisteredHandler } from './organisation-registered.handler.js';

@Module({})
export class NotificationWorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: NotificationWorkerModule,
      imports: [TypedConfigModule.forRoot(config), LoggingModule, DatabaseModule.forRoot(), EventConsumerModule.forGroup('notification')],
      providers: [OrganisationRegisteredHandler],
    };
  }
}
