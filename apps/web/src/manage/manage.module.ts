import { Module } from '@nestjs/common';
import { ManageOpportunitiesController } from './manage-opportunities.controller.js';
import { OpportunityFormController } from './opportunity-form.controller.js';
import { OpportunityPeopleController } from './opportunity-people.controller.js';

/** Running opportunities, for their hosts and the partnership's leads: posting, changing, the lifecycle, applicants and matches. */
@Module({ controllers: [OpportunityFormController, ManageOpportunitiesController, OpportunityPeopleController] })
export class ManageModule {}
