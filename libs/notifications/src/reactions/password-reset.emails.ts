import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import type { PeopleRead } from '../persistence/people.read.js';
import { EmailHandler } from './email-handler.js';

/** The link to choose a new password; its token is made when the email is sent, never stored. */
@Injectable()
@HandlesEvents(['user.password_reset_requested', 1])
export class PasswordResetEmails extends EmailHandler<'user.password_reset_requested'> {
  constructor(delivery: MessageDelivery) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<'user.password_reset_requested'>, read: PeopleRead): Promise<PlannedMessage[]> {
    const { resetId, email, displayName, expiresAt, userId } = event.payload;
    // Used, superseded by a later request, or expired while the event waited: the link would not work.
    if (!(await read.openPasswordReset(resetId))) return [];
    return [message('password-reset', email, { recipientName: displayName, resetId, expiresAt }, userId)];
  }
}
