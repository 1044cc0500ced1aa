import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { PartnershipsModule } from '#libs/partnerships';
import { ChangeOpportunityStatusHandler, UpdateOpportunityHandler } from './change-opportunity.handlers.js';
import { CreateOpportunityHandler } from './create-opportunity.handler.js';
import { FindOpportunitiesHandler } from './find-opportunities.handler.js';
import { FindPublicOpportunitiesHandler } from './find-public-opportunities.handler.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { OpportunitySession } from './opportunity-session.entity.js';
import { Opportunity } from './opportunity.entity.js';
import { PublicOpportunitiesController } from './public-opportunities.controller.js';

// A static module, so its entities are registered wherever it is imported: other contexts' foreign keys name them.
@Module({
  imports: [TypeOrmModule.forFeature([Opportunity, OpportunitySession]), OutboxModule, PartnershipsModule],
  controllers: [OpportunitiesController, PublicOpportunitiesController],
  providers: [CreateOpportunityHandler, UpdateOpportunityHandler, ChangeOpportunityStatusHandler, FindOpportunitiesHandler, FindPublicOpportunitiesHandler],
})
export class OpportunitiesModule {}
