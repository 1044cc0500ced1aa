import type { OpportunityResponse } from './opportunity.dto.js';
import type { PublicOpportunityResponse } from './public-opportunity.dto.js';

export function toPublicOpportunity(opportunity: OpportunityResponse): PublicOpportunityResponse {
  return {
    id: opportunity.id,
    partnershipId: opportunity.partnershipId,
    host: opportunity.host,
    type: opportunity.type,
    title: opportunity.title,
    description: opportunity.description,
    placesLeft: opportunity.placesLeft,
    requiredSpecialisms: opportunity.requiredSpecialisms,
    minimumCareerStage: opportunity.minimumCareerStage,
    pepsStage: opportunity.pepsStage,
    sessions: opportunity.sessions.map((session) => ({ startsAt: session.startsAt, endsAt: session.endsAt, place: session.place, online: session.onlineLink !== null })),
    closesAt: opportunity.closesAt,
  };
}
