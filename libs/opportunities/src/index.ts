export { OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityStatus, type OpportunityType } from './opportunity.js';
export { CreateOpportunityRequest } from './opportunity.dto.js';
export { OpportunitiesModule } from './opportunities.module.js';
export { canChange, canSee } from './opportunity-access.js';
export { Opportunity } from './opportunity.entity.js';
export { visibleOpportunity } from './opportunity.read.js';
export { opportunityEvent } from './opportunity.events.js';
export { OpportunitySession } from './opportunity-session.entity.js';
