import { domainEvent } from '#libs/events';
import type { Application } from '../persistence/application.entity.js';

export const applicationEvent = (type: 'application.submitted' | 'application.withdrawn', application: Application, partnershipId: string) =>
  domainEvent(type, {
    aggregateId: application.id,
    partnershipId,
    actorId: application.practitionerId,
    payload: { applicationId: application.id, opportunityId: application.opportunityId, practitionerId: application.practitionerId },
  });
