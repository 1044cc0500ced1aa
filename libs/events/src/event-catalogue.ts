import { z } from 'zod';

// Any canonical UUID, as PostgreSQL's uuid type takes it: stricter checks (RFC version bits) would
// refuse ids the database accepts.
const id = () => z.guid({ error: 'expected a UUID' });
const timestamp = () => z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date and time' });

const opportunityChange = z.object({
  opportunityId: id(),
  partnershipId: id(),
  type: z.string(),
  title: z.string(),
  status: z.string(),
});

const matchChange = z.object({
  matchId: id(),
  opportunityId: id(),
  practitionerId: id(),
  applicationId: id().nullable(),
  note: z.string().nullable(),
});

const membership = z.object({ partnershipId: id(), organisationType: z.enum(['university', 'council']), organisationId: id() });
const lead = z.object({ partnershipId: id(), userId: id() });
const application = z.object({ applicationId: id(), opportunityId: id(), practitionerId: id() });
const subscription = z.object({ subscriptionId: id() });

/**
 * The published contract between the contexts that emit events and the workers that consume them:
 * every event type with its current version, aggregate and payload schema. The payload types are
 * inferred from the schemas, so what producers compile against is what consumers check.
 * A change to a payload's shape is a new version, never an edit.
 */
export const EVENT_CATALOGUE = {
  'university.registered': { version: 1, aggregateType: 'university', payload: z.object({ universityId: id(), name: z.string(), shortName: z.string().nullable() }) },
  'council.registered': { version: 1, aggregateType: 'council', payload: z.object({ councilId: id(), name: z.string(), kind: z.string(), region: z.string() }) },
  'partnership.formed': { version: 1, aggregateType: 'partnership', payload: z.object({ partnershipId: id(), name: z.string() }) },
  'partnership.member_added': { version: 1, aggregateType: 'partnership', payload: membership },
  'partnership.member_removed': { version: 1, aggregateType: 'partnership', payload: membership },
  'partnership.lead_appointed': { version: 1, aggregateType: 'partnership', payload: lead },
  'partnership.lead_removed': { version: 1, aggregateType: 'partnership', payload: lead },
  'partnership.settings_changed': {
    version: 1,
    aggregateType: 'partnership',
    payload: z.object({
      partnershipId: id(),
      changed: z.array(z.string()),
      settings: z.object({ academicsMayProposeMatches: z.boolean(), listsPublicly: z.boolean() }),
    }),
  },
  'user.invited': {
    version: 1,
    aggregateType: 'user',
    payload: z.object({ userId: id(), invitationId: id(), email: z.string(), displayName: z.string(), role: z.string(), expiresAt: timestamp() }),
  },
  'user.activated': { version: 1, aggregateType: 'user', payload: z.object({ userId: id() }) },
  /** The email's link carries a token derived from `resetId` (`passwordResetToken`), never the token itself. */
  'user.password_reset_requested': {
    version: 1,
    aggregateType: 'user',
    payload: z.object({ userId: id(), resetId: id(), email: z.string(), displayName: z.string(), expiresAt: timestamp() }),
  },
  'user.password_changed': { version: 1, aggregateType: 'user', payload: z.object({ userId: id() }) },
  /** An invitation taken back before it was accepted: the invited person is removed with it. */
  'user.invitation_withdrawn': { version: 1, aggregateType: 'user', payload: z.object({ userId: id(), invitationId: id(), email: z.string() }) },
  'practitioner.profile_updated': { version: 1, aggregateType: 'practitioner', payload: z.object({ userId: id(), councilId: id().nullable() }) },
  'specialism.added': { version: 1, aggregateType: 'specialism', payload: z.object({ code: z.string(), label: z.string(), partnershipId: id() }) },
  'opportunity.drafted': { version: 1, aggregateType: 'opportunity', payload: opportunityChange },
  'opportunity.updated': { version: 1, aggregateType: 'opportunity', payload: opportunityChange },
  'opportunity.published': { version: 1, aggregateType: 'opportunity', payload: opportunityChange },
  'opportunity.closed': { version: 1, aggregateType: 'opportunity', payload: opportunityChange },
  'opportunity.cancelled': { version: 1, aggregateType: 'opportunity', payload: opportunityChange.extend({ reason: z.string().nullable().optional() }) },
  'opportunity.completed': { version: 1, aggregateType: 'opportunity', payload: opportunityChange },
  'application.submitted': { version: 1, aggregateType: 'application', payload: application },
  'application.withdrawn': { version: 1, aggregateType: 'application', payload: application },
  'match.proposed': { version: 1, aggregateType: 'match', payload: matchChange },
  'match.approved': { version: 1, aggregateType: 'match', payload: matchChange },
  'match.rejected': { version: 1, aggregateType: 'match', payload: matchChange },
  'opportunity.filled': { version: 1, aggregateType: 'opportunity', payload: opportunityChange },
  /** Practitioners newly among an opportunity's best fits, for "recommended for you" and the lead. */
  'opportunity.recommendations_ready': {
    version: 1,
    aggregateType: 'opportunity',
    payload: z.object({ opportunityId: id(), partnershipId: id(), practitionerIds: z.array(id()) }),
  },
  'subscription.requested': { version: 1, aggregateType: 'subscription', payload: z.object({ subscriptionId: id(), email: z.string(), frequency: z.string() }) },
  'subscription.confirmed': { version: 1, aggregateType: 'subscription', payload: subscription },
  'subscription.cancelled': { version: 1, aggregateType: 'subscription', payload: subscription },
  'email.suppression_lifted': { version: 1, aggregateType: 'email_suppression', payload: z.object({ email: z.string(), reason: z.string() }) },
} as const satisfies Record<string, { version: number; aggregateType: string; payload: z.ZodType }>;

export type EventType = keyof typeof EVENT_CATALOGUE;
type EventPayloads = { [T in EventType]: z.infer<(typeof EVENT_CATALOGUE)[T]['payload']> };
export type EventPayload<T extends EventType> = EventPayloads[T];

/**
 * Payload schemas of versions no longer emitted, kept while queues may still hold their events
 * (consumers keep handlers of old versions to drain them across an upgrade): `{ type: { version: schema } }`.
 */
const SUPERSEDED_PAYLOADS: { readonly [T in EventType]?: Readonly<Record<number, z.ZodType>> } = {};

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/**
 * What is wrong with `payload` as the payload of `type` at `version`, one entry a field naming it;
 * none when it is valid.
 */
export function payloadProblems(type: EventType, version: number, payload: unknown): string[] {
  const schema = EVENT_CATALOGUE[type].version === version ? EVENT_CATALOGUE[type].payload : SUPERSEDED_PAYLOADS[type]?.[version];
  if (!schema) return [`the event catalogue has no payload schema for ${type} v${version}`];
  if (schema.safeParse(payload).success) return [];
  // Only a failure asks for the inputs, which tell a missing field: asking always costs zod its compiled fast path.
  const { error } = schema.safeParse(payload, { reportInput: true });
  return (error?.issues ?? []).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'payload';
    return `${field}: ${issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message}`;
  });
}
