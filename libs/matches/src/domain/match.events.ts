import { domainEvent } from '#libs/events';
import type { Match } from '../persistence/match.entity.js';

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
