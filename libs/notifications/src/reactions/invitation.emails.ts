import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import type { PeopleRead } from '../persistence/people.read.js';
import { EmailHandler } from './email-handler.js';

/** The invited person's link to choose a password; its token is made when the email is sent, never stored. */
@Injectable()
@HandlesEvents(['user.invited', 1])
export class InvitationEmails extends EmailHandler<'user.invited'> {
  constructor(delivery: MessageDelivery) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<'user.invited'>, read: PeopleRead): Promise<PlannedMessage[]> {
    const { invitationId, email, displayName, role, expiresAt, userId } = event.payload;
    // Accepted already (or gone): the link would only say it is used.
    if (!(await read.openInvitation(invitationId))) return [];
    return [message('invitation', email, { recipientName: displayName, role, invitationId, expiresAt }, userId)];
  }
}
