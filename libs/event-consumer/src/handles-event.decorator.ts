import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '#libs/events';

export const HANDLES_EVENTS = Symbol('handles-events');

export interface EventSubscription {
  type: EventType;
  version: number;
}

/**
 * A consumer's handler for versions of event types. `handle` runs inside the transaction that
 * records the event in the inbox: its database work commits exactly once, whatever the redeliveries.
 */
export interface EventHandler<T extends EventType = EventType> {
  handle(event: EventEnvelope<T>, transaction: EntityManager): Promise<void>;
}

/** Marks a provider as the handler of each `[type, version]` given. */
export const HandlesEvents = (...subscriptions: [EventType, number][]): ClassDecorator =>
  SetMetadata(
    HANDLES_EVENTS,
    subscriptions.map(([type, version]): EventSubscription => ({ type, version })),
  );
