import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { Links } from '../delivery/links.js';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import { others, type PeopleRead } from '../persistence/people.read.js';
import { EmailHandler } from './email-handler.js';

type MatchEvent = 'match.proposed' | 'match.approved' | 'match.rejected';

/**
 * Proposed: the practitioner, and the leads who must decide. Approved: the practitioner, with a
 * calendar invitation for every session, and the host. Rejected: the practitioner only, kindly.
 */
@Injectable()
@HandlesEvents(['match.proposed', 1], ['match.approved', 1], ['match.rejected', 1])
export class MatchEmails extends EmailHandler<MatchEvent> {
  constructor(
    delivery: MessageDelivery,
    private readonly links: Links,
  ) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<MatchEvent>, read: PeopleRead): Promise<PlannedMessage[]> {
    const { opportunityId, practitionerId, matchId, note } = event.payload;
    const opportunity = await read.opportunity(opportunityId);
    const practitioner = await read.person(practitionerId);
    if (!opportunity || !practitioner) return [];
    const about = { partnershipName: opportunity.partnershipName, opportunityTitle: opportunity.title };
    const toPractitioner = { ...about, recipientName: practitioner.name };
    const aboutPractitioner = (person: { name: string }) => ({ ...about, recipientName: person.name, practitionerName: practitioner.name });

    switch (event.type) {
      case 'match.proposed':
        return [
          message('match-proposed', practitioner.email, { ...toPractitioner, link: this.links.myMatches() }, practitioner.id),
          ...others(await read.leads(opportunity.partnershipId), event.actorId).map((lead) =>
            message('match-to-decide', lead.email, { ...aboutPractitioner(lead), link: this.links.decisions(opportunityId) }, lead.id),
          ),
        ];
      case 'match.approved':
        return [
          message('match-approved', practitioner.email, {
            ...toPractitioner,
            recipientEmail: practitioner.email,
            note,
            matchId,
            sessions: await read.sessions(opportunityId),
            link: this.links.opportunity(opportunityId),
          }, practitioner.id),
          ...others(await read.hosts(opportunityId), event.actorId).map((host) =>
            message('match-approved-host', host.email, { ...aboutPractitioner(host), link: this.links.matches(opportunityId) }, host.id),
          ),
        ];
      case 'match.rejected':
        return [message('match-rejected', practitioner.email, { ...toPractitioner, note, link: this.links.findOpportunities() }, practitioner.id)];
    }
  }
}
