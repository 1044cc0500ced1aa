import { type DynamicModule, Module } from '@nestjs/common';
import { TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EventConsumerModule } from '#libs/event-consumer';
import { type NotificationConfig, NotificationsModule } from '#libs/notifications';
import { LoggingModule, MetricsModule } from '#libs/observability';

@Module({})
export class NotificationWorkerModule {
  static forRoot(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationWorkerModule,
      imports: [TypedConfigModule.forRoot(config), LoggingModule, MetricsModule, DatabaseModule.forRoot({ entities: 'none' }), NotificationsModule, EventConsumerModule.forGroup('notification')],
    };
  }
}
