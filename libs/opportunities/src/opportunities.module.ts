import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { ChangeOpportunityStatusHandler, UpdateOpportunityHandler } from './change-opportunity.handlers.js';
import { CreateOpportunityHandler } from './create-opportunity.handler.js';
import { FindOpportunitiesHandler } from './find-opportunities.handler.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { OpportunitySession } from './opportunity-session.entity.js';
import { Opportunity } from './opportunity.entity.js';

@Module({})
export class OpportunitiesModule {
  /** `partnershipDirectory` is the module providing identity's PartnershipDirectory (the partnerships context). */
  static forRoot(partnershipDirectory: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: OpportunitiesModule,
      imports: [TypeOrmModule.forFeature([Opportunity, OpportunitySession]), OutboxModule, partnershipDirectory],
      controllers: [OpportunitiesController],
      providers: [CreateOpportunityHandler, UpdateOpportunityHandler, ChangeOpportunityStatusHandler, FindOpportunitiesHandler],
    };
  }
}
