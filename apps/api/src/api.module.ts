import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypedConfigModule } from '#libs/config';
import { ApplicationsModule } from '#libs/applications';
import { DatabaseModule } from '#libs/database';
import { EventQueuesModule, OutboxRelayModule } from '#libs/events';
import { IdempotencyModule } from '#libs/idempotency';
import { IdentityModule } from '#libs/identity';
import { MatchesModule } from '#libs/matches';
import { RecommendationsModule } from '#libs/recommendations';
import { LoggingModule, MetricsModule } from '#libs/observability';
import { OpportunitiesModule } from '#libs/opportunities';
import { OrganisationsModule } from '#libs/organisations';
import { PartnershipsModule } from '#libs/partnerships';
import { PractitionersModule } from '#libs/practitioners';
import { SubscriptionsModule } from '#libs/subscriptions';
import type { ApiConfig } from './api.config.js';
import { HealthModule } from './health/health.module.js';
import { ApiIndexController } from './index/api-index.controller.js';

@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      controllers: [ApiIndexController],
      imports: [
        TypedConfigModule.forRoot(config),
        LoggingModule,
        MetricsModule,
        DatabaseModule.forRoot(),
        CqrsModule.forRoot(),
        config.OUTBOX_RELAY ? OutboxRelayModule : EventQueuesModule,
        HealthModule,
        IdempotencyModule,
        OrganisationsModule,
        PartnershipsModule,
        PractitionersModule,
        OpportunitiesModule,
        ApplicationsModule,
        MatchesModule,
        RecommendationsModule,
        SubscriptionsModule,
        IdentityModule.forRoot(PartnershipsModule),
      ],
    };
  }
}
