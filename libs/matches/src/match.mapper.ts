import { domainEvent } from '#libs/events';
import { londonDateTime } from '#libs/http';
import type { Match } from './match.entity.js';
import type { MatchResponse } from './match.dto.js';

/** The one place a stored match becomes what the API shows; every field listed on purpose. */
export function toMatchResponse(match: Match): MatchResponse {
  return {
    id: match.id,
    opportunityId: match.opportunityId,
    practitionerId: match.practitionerId,
    applicationId: match.applicationId,
    status: match.status,
    note: match.note,
    proposedAt: londonDateTime(match.proposedAt),
    decidedAt: match.decidedAt ? londonDateTime(match.decidedAt) : null,
  };
}

export const matchEvent = (type: 'match.proposed' | 'match.approved' | 'match.rejected', match: Match, partnershipId: string, actorId: string) =>
  domainEvent(type, {
    aggregateId: match.id,
    partnershipId,
    actorId,
    payload: {
      matchId: match.id,
      opportunityId: match.opportunityId,
      practitionerId: match.practitionerId,
      applicationId: match.applicationId,
      note: match.note,
    },
  });
