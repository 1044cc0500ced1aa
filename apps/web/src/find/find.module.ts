import { Module } from '@nestjs/common';
import { FindOpportunitiesController } from './find-opportunities.controller.js';
import { OpportunityController } from './opportunity.controller.js';

/** Find and apply: search, an opportunity's page, applying. */
@Module({ controllers: [FindOpportunitiesController, OpportunityController] })
export class FindModule {}
