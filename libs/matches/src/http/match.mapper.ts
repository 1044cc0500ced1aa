import { londonDateTime } from '#libs/http';
import type { Match } from '../persistence/match.entity.js';
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
