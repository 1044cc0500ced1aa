import { type DynamicModule, Module } from '@nestjs/common';
import { TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EventConsumerModule } from '#libs/event-consumer';
import { LoggingModule } from '#libs/observability';
import type { MatchingWorkerConfig } from './matching-worker.config.js';
import { MemberRemovedHandler } from './member-removed.handler.js';
import { OpportunityChangedHandler } from './opportunity-changed.handler.js';
import { PractitionerChangedHandler } from './practitioner-changed.handler.js';
import { PractitionerEngagedHandler } from './practitioner-engaged.handler.js';

@Module({})
export class MatchingWorkerModule {
  static forRoot(config: MatchingWorkerConfig): DynamicModule {
    return {
      module: MatchingWorkerModule,
      imports: [TypedConfigModule.forRoot(config), LoggingModule, DatabaseModule.forRoot({ entities: 'none' }), EventConsumerModule.forGroup('matching')],
      providers: [OpportunityChangedHandler, PractitionerChangedHandler, PractitionerEngagedHandler, MemberRemovedHandler],
    };
  }
}
