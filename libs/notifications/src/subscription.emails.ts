import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { signLinkToken } from '#libs/mail-contract';
import { EmailHandler } from './email-handler.js';
import { Links } from './links.js';
import { MessageDelivery } from './message-delivery.js';
import { NotificationConfig } from './notification.config.js';
import { message, type PlannedMessage } from './outbound-messages.js';

/** Double opt-in: the only email a new subscription gets until its link is used. */
@Injectable()
@HandlesEvents(['subscription.requested', 1])
export class SubscriptionEmails extends EmailHandler<'subscription.requested'> {
  constructor(
    delivery: MessageDelivery,
    private readonly links: Links,
    private readonly config: NotificationConfig,
  ) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<'subscription.requested'>): Promise<PlannedMessage[]> {
    const { subscriptionId, email, frequency } = event.payload;
    const token = signLinkToken(this.config.LINK_SECRET, { purpose: 'confirm', subscriptionId });
    return [message('subscription-confirm', email, { frequency, link: this.links.confirmSubscription(token) })];
  }
}
