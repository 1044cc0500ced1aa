import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { Links } from '../delivery/links.js';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import { others, type PeopleRead } from '../persistence/people.read.js';
import { EmailHandler } from './email-handler.js';

type ApplicationEvent = 'application.submitted' | 'application.withdrawn';

/** Tells the host and the partnership's leads that someone applied or withdrew. */
@Injectable()
@HandlesEvents(['application.submitted', 1], ['application.withdrawn', 1])
export class ApplicationEmails extends EmailHandler<ApplicationEvent> {
  constructor(
    delivery: MessageDelivery,
    private readonly links: Links,
  ) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<ApplicationEvent>, read: PeopleRead): Promise<PlannedMessage[]> {
    const opportunity = await read.opportunity(event.payload.opportunityId);
    const practitioner = await read.person(event.payload.practitionerId);
    if (!opportunity || !practitioner) return [];
    const template = event.type === 'application.submitted' ? 'application-submitted' : 'application-withdrawn';
    const recipients = others([...(await read.hosts(opportunity.id)), ...(await read.leads(opportunity.partnershipId))], event.actorId);
    return recipients.map((person) =>
      message(template, person.email, {
        partnershipName: opportunity.partnershipName,
        recipientName: person.name,
        opportunityTitle: opportunity.title,
        practitionerName: practitioner.name,
        link: this.links.applications(opportunity.id),
      }, person.id),
    );
  }
}
