import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { Links } from '../delivery/links.js';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import type { PeopleRead } from '../persistence/people.read.js';
import { EmailHandler } from './email-handler.js';

type OpportunityEvent = 'opportunity.updated' | 'opportunity.cancelled' | 'opportunity.filled';

/** Changed or cancelled: applicants and approved practitioners. Filled: the applicants not chosen. */
@Injectable()
@HandlesEvents(['opportunity.updated', 1], ['opportunity.cancelled', 1], ['opportunity.filled', 1])
export class OpportunityEmails extends EmailHandler<OpportunityEvent> {
  constructor(
    delivery: MessageDelivery,
    private readonly links: Links,
  ) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<OpportunityEvent>, read: PeopleRead): Promise<PlannedMessage[]> {
    const opportunity = await read.opportunity(event.payload.opportunityId);
    if (!opportunity) return [];
    const about = (person: { name: string }) => ({
      partnershipName: opportunity.partnershipName,
      opportunityTitle: opportunity.title,
      recipientName: person.name,
      link: this.links.opportunity(opportunity.id),
    });
    switch (event.type) {
      case 'opportunity.updated':
        return (await read.involvedPractitioners(opportunity.id)).map((p) => message('opportunity-updated', p.email, about(p), p.id));
      case 'opportunity.cancelled': {
        const reason = event.payload.reason ?? opportunity.cancellationReason;
        return (await read.involvedPractitioners(opportunity.id)).map((p) => message('opportunity-cancelled', p.email, { ...about(p), reason }, p.id));
      }
      case 'opportunity.filled':
        return (await read.applicantsNotChosen(opportunity.id)).map((p) =>
          message('opportunity-filled', p.email, { ...about(p), link: this.links.findOpportunities() }, p.id),
        );
    }
  }
}
