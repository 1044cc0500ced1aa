import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { PartnershipsModule } from '#libs/partnerships';
import { CancelOpportunityHandler } from './commands/cancel-opportunity/cancel-opportunity.handler.js';
import { CloseOpportunityHandler } from './commands/close-opportunity/close-opportunity.handler.js';
import { CompleteOpportunityHandler } from './commands/complete-opportunity/complete-opportunity.handler.js';
import { CreateOpportunityHandler } from './commands/create-opportunity/create-opportunity.handler.js';
import { PublishOpportunityHandler } from './commands/publish-opportunity/publish-opportunity.handler.js';
import { UpdateOpportunityHandler } from './commands/update-opportunity/update-opportunity.handler.js';
import { OpportunitiesController } from './http/opportunities.controller.js';
import { PublicOpportunitiesController } from './http/public-opportunities.controller.js';
import { OpportunitySession } from './persistence/opportunity-session.entity.js';
import { Opportunity } from './persistence/opportunity.entity.js';
import { FindOpportunitiesHandler } from './queries/find-opportunities/find-opportunities.handler.js';
import { FindPublicOpportunitiesHandler } from './queries/find-public-opportunities/find-public-opportunities.handler.js';
import { GetOpportunityHandler } from './queries/get-opportunity/get-opportunity.handler.js';

// A static module, so its entities are registered wherever it is imported: other contexts' foreign keys name them.
@Module({
  imports: [TypeOrmModule.forFeature([Opportunity, OpportunitySession]), OutboxModule, PartnershipsModule],
  controllers: [OpportunitiesController, PublicOpportunitiesController],
  providers: [
    CreateOpportunityHandler,
    UpdateOpportunityHandler,
    PublishOpportunityHandler,
    CloseOpportunityHandler,
    CancelOpportunityHandler,
    CompleteOpportunityHandler,
    FindOpportunitiesHandler,
    GetOpportunityHandler,
    FindPublicOpportunitiesHandler,
  ],
})
export class OpportunitiesModule {}
