/**
 * The published contract between the contexts that emit events and the workers that consume them:
 * every event type with its payload, current version and aggregate.
 * A change to a payload's shape is a new version, never an edit.
 */
export interface EventPayloads {
  'university.registered': { universityId: string; name: string; shortName: string | null };
  'council.registered': { councilId: string; name: string; kind: string; region: string };
  'partnership.formed': { partnershipId: string; name: string };
  'partnership.member_added': { partnershipId: string; organisationType: 'university' | 'council'; organisationId: string };
  'partnership.member_removed': { partnershipId: string; organisationType: 'university' | 'council'; organisationId: string };
  'partnership.lead_appointed': { partnershipId: string; userId: string };
  'partnership.lead_removed': { partnershipId: string; userId: string };
  'partnership.settings_changed': { partnershipId: string; changed: string[]; settings: { academicsMayProposeMatches: boolean; listsPublicly: boolean } };
  'user.invited': { userId: string; invitationId: string; email: string; displayName: string; role: string; expiresAt: string };
  'user.activated': { userId: string };
  /** The email's link carries a token derived from `resetId` (`passwordResetToken`), never the token itself. */
  'user.password_reset_requested': { userId: string; resetId: string; email: string; displayName: string; expiresAt: string };
  'user.password_changed': { userId: string };
  /** An invitation taken back before it was accepted: the invited person is removed with it. */
  'user.invitation_withdrawn': { userId: string; invitationId: string; email: string };
  'practitioner.profile_updated': { userId: string; councilId: string | null };
  'specialism.added': { code: string; label: string; partnershipId: string };
  'opportunity.drafted': OpportunityChange;
  'opportunity.updated': OpportunityChange;
  'opportunity.published': OpportunityChange;
  'opportunity.closed': OpportunityChange;
  'opportunity.cancelled': OpportunityChange & { reason?: string | null };
  'opportunity.completed': OpportunityChange;
  'application.submitted': { applicationId: string; opportunityId: string; practitionerId: string };
  'application.withdrawn': { applicationId: string; opportunityId: string; practitionerId: string };
  'match.proposed': MatchChange;
  'match.approved': MatchChange;
  'match.rejected': MatchChange;
  'opportunity.filled': OpportunityChange;
  /** Practitioners newly among an opportunity's best fits, for "recommended for you" and the lead. */
  'opportunity.recommendations_ready': { opportunityId: string; partnershipId: string; practitionerIds: string[] };
  'subscription.requested': { subscriptionId: string; email: string; frequency: string };
  'subscription.confirmed': { subscriptionId: string };
  'subscription.cancelled': { subscriptionId: string };
  'email.suppression_lifted': { email: string; reason: string };
}

interface MatchChange {
  matchId: string;
  opportunityId: string;
  practitionerId: string;
  applicationId: string | null;
  note: string | null;
}

interface OpportunityChange {
  opportunityId: string;
  partnershipId: string;
  type: string;
  title: string;
  status: string;
}

export type EventType = keyof EventPayloads;
export type EventPayload<T extends EventType> = EventPayloads[T];

export const EVENT_CATALOGUE = {
  'university.registered': { version: 1, aggregateType: 'university' },
  'council.registered': { version: 1, aggregateType: 'council' },
  'partnership.formed': { version: 1, aggregateType: 'partnership' },
  'partnership.member_added': { version: 1, aggregateType: 'partnership' },
  'partnership.member_removed': { version: 1, aggregateType: 'partnership' },
  'partnership.lead_appointed': { version: 1, aggregateType: 'partnership' },
  'partnership.lead_removed': { version: 1, aggregateType: 'partnership' },
  'partnership.settings_changed': { version: 1, aggregateType: 'partnership' },
  'user.invited': { version: 1, aggregateType: 'user' },
  'user.activated': { version: 1, aggregateType: 'user' },
  'user.password_reset_requested': { version: 1, aggregateType: 'user' },
  'user.password_changed': { version: 1, aggregateType: 'user' },
  'user.invitation_withdrawn': { version: 1, aggregateType: 'user' },
  'practitioner.profile_updated': { version: 1, aggregateType: 'practitioner' },
  'specialism.added': { version: 1, aggregateType: 'specialism' },
  'opportunity.drafted': { version: 1, aggregateType: 'opportunity' },
  'opportunity.updated': { version: 1, aggregateType: 'opportunity' },
  'opportunity.published': { version: 1, aggregateType: 'opportunity' },
  'opportunity.closed': { version: 1, aggregateType: 'opportunity' },
  'opportunity.cancelled': { version: 1, aggregateType: 'opportunity' },
  'opportunity.completed': { version: 1, aggregateType: 'opportunity' },
  'application.submitted': { version: 1, aggregateType: 'application' },
  'application.withdrawn': { version: 1, aggregateType: 'application' },
  'match.proposed': { version: 1, aggregateType: 'match' },
  'match.approved': { version: 1, aggregateType: 'match' },
  'match.rejected': { version: 1, aggregateType: 'match' },
  'opportunity.filled': { version: 1, aggregateType: 'opportunity' },
  'opportunity.recommendations_ready': { version: 1, aggregateType: 'opportunity' },
  'subscription.requested': { version: 1, aggregateType: 'subscription' },
  'subscription.confirmed': { version: 1, aggregateType: 'subscription' },
  'subscription.cancelled': { version: 1, aggregateType: 'subscription' },
  'email.suppression_lifted': { version: 1, aggregateType: 'email_suppression' },
} as const satisfies Record<EventType, { version: number; aggregateType: string }>;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}
