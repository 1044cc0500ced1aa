import { domainEvent } from '#libs/events';
import type { Opportunity } from '../persistence/opportunity.entity.js';

const LIFECYCLE_EVENTS = {
  drafted: 'opportunity.drafted',
  updated: 'opportunity.updated',
  published: 'opportunity.published',
  closed: 'opportunity.closed',
  cancelled: 'opportunity.cancelled',
  completed: 'opportunity.completed',
  filled: 'opportunity.filled',
} as const;

/** The event telling what just happened to an opportunity, with what its consumers need to act on it. */
export function opportunityEvent(what: keyof typeof LIFECYCLE_EVENTS, opportunity: Opportunity, actorId: string) {
  return domainEvent(LIFECYCLE_EVENTS[what], {
    aggregateId: opportunity.id,
    partnershipId: opportunity.partnershipId,
    actorId,
    payload: {
      opportunityId: opportunity.id,
      partnershipId: opportunity.partnershipId,
      type: opportunity.type,
      title: opportunity.title,
      status: opportunity.status,
      ...(what === 'cancelled' ? { reason: opportunity.cancellationReason } : {}),
    },
  });
}
