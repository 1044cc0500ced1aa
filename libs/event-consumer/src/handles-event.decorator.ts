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
  /**
   * Work that must not share the inbox transaction (sending email: a rollback cannot unsend it).
   * Runs after the commit on every delivery, redeliveries of an event already handled included, so
   * it must be idempotent itself; when it throws, the job is retried and then kept in the failed set.
   */
  afterCommit?(event: EventEnvelope<T>): Promise<void>;
}

/** Marks a provider as the handler of each `[type, version]` given. */
export const HandlesEvents = (...subscriptions: [EventType, number][]): ClassDecorator =>
  SetMetadata(
    HANDLES_EVENTS,
    subscriptions.map(([type, version]): EventSubscription => ({ type, version })),
  );
