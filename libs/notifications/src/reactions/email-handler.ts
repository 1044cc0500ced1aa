import type { EntityManager } from 'typeorm';
import type { EventHandler } from '#libs/event-consumer';
import type { EventEnvelope, EventType } from '#libs/events';
import type { MessageDelivery } from '../delivery/message-delivery.js';
import { planMessages, type PlannedMessage } from '../delivery/outbound-messages.js';
import { PeopleRead } from '../persistence/people.read.js';

/**
 * An event that emails people: `plan` decides who gets what inside the inbox transaction (the
 * records commit with the event's inbox row); the sending happens after the commit, on every
 * delivery until each message is sent.
 */
export abstract class EmailHandler<T extends EventType> implements EventHandler<T> {
  constructor(protected readonly delivery: MessageDelivery) {}

  protected abstract plan(event: EventEnvelope<T>, read: PeopleRead): Promise<PlannedMessage[]>;

  async handle(event: EventEnvelope<T>, transaction: EntityManager): Promise<void> {
    await planMessages(transaction, event.id, await this.plan(event, new PeopleRead(transaction)));
  }

  async afterCommit(event: EventEnvelope<T>): Promise<void> {
    await this.delivery.deliver(event.id);
  }
}
