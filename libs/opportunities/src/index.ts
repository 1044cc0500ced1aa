export { takePlace } from './commands/take-place/take-place.js';
export { type IneligibilityReason } from './domain/eligibility.js';
export { OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityStatus, type OpportunityType } from './domain/opportunity.js';
export { canChange } from './domain/opportunity-access.js';
export { OpportunitiesModule } from './opportunities.module.js';
export { eligibilityFor } from './persistence/eligibility.read.js';
export { OpportunitySession } from './persistence/opportunity-session.entity.js';
export { Opportunity } from './persistence/opportunity.entity.js';
export { visibleOpportunity } from './persistence/opportunity.read.js';
