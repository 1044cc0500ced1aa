import { domainEvent } from '#libs/events';
import type { OrganisationType } from './organisation-type.js';

export const memberAdded = (partnershipId: string, organisationType: OrganisationType, organisationId: string, actorId: string | null) =>
  domainEvent('partnership.member_added', {
    aggregateId: partnershipId,
    partnershipId,
    actorId,
    payload: { partnershipId, organisationType, organisationId },
  });

export const memberRemoved = (partnershipId: string, organisationType: OrganisationType, organisationId: string, actorId: string | null) =>
  domainEvent('partnership.member_removed', {
    aggregateId: partnershipId,
    partnershipId,
    actorId,
    payload: { partnershipId, organisationType, organisationId },
  });
