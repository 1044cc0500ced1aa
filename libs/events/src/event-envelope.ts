import { randomUUID } from 'node:crypto';
import { Correlation } from '#libs/observability';
import { EVENT_CATALOGUE, type EventPayload, type EventType, payloadProblems } from './event-catalogue.js';

/** What travels from the outbox to every consumer: the design's envelope, one shape for all events. */
interface Envelope<T extends EventType> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  partnershipId: string | null;
  actorId: string | null;
  correlationId: string;
  payload: EventPayload<T>;
}

/**
 * The envelope of any of the types in `T`: one member a type, so that checking `type` (as in
 * `switch (event.type)`) narrows `payload` to that type's.
 */
export type EventEnvelope<T extends EventType = EventType> = { [K in T]: Envelope<K> }[T];

export interface NewEvent<T extends EventType> {
  aggregateId: string;
  payload: EventPayload<T>;
  partnershipId?: string | null;
  actorId?: string | null;
}

/**
 * A new event of the catalogue's current version, tied to the request or job now being handled.
 * Its payload is checked against the catalogue's schema here, in every environment: a producer that
 * drifts from the contract fails its own command (and its tests) rather than writing an event every
 * consumer would refuse.
 */
export function domainEvent<T extends EventType>(type: T, event: NewEvent<T>): EventEnvelope<T> {
  const problems = payloadProblems(type, EVENT_CATALOGUE[type].version, event.payload);
  if (problems.length > 0) throw new Error(`${type} v${EVENT_CATALOGUE[type].version} has an invalid payload: ${problems.join('; ')}`);
  return {
    id: randomUUID(),
    type,
    version: EVENT_CATALOGUE[type].version,
    occurredAt: new Date().toISOString(),
    aggregateType: EVENT_CATALOGUE[type].aggregateType,
    aggregateId: event.aggregateId,
    partnershipId: event.partnershipId ?? null,
    actorId: event.actorId ?? null,
    correlationId: Correlation.current() ?? randomUUID(),
    payload: event.payload,
  };
}
