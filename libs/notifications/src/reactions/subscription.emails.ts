import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import { EmailHandler } from './email-handler.js';

/** Double opt-in: the only email a new subscription gets until its link is used. */
@Injectable()
@HandlesEvents(['subscription.requested', 1])
export class SubscriptionEmails extends EmailHandler<'subscription.requested'> {
  constructor(delivery: MessageDelivery) {
    super(delivery);
  }

  protected plan(event: EventEnvelope<'subscription.requested'>): Promise<PlannedMessage[]> {
    const { subscriptionId, email, frequency } = event.payload;
    return Promise.resolve([message('subscription-confirm', email, { frequency, pendingSubscriptionId: subscriptionId })]);
  }
}
