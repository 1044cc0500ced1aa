import { Injectable } from '@nestjs/common';
import { HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { Links } from '../delivery/links.js';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { message, type PlannedMessage } from '../delivery/outbound-messages.js';
import { NotificationConfig } from '../notification.config.js';
import type { PeopleRead } from '../persistence/people.read.js';
import { EmailHandler } from './email-handler.js';

/**
 * New best fits for an opportunity: "recommended for you" to each practitioner who asked for it
 * (at most RECOMMENDATION_EMAILS_PER_WEEK in seven days each), with the reasons; and the leads, who
 * can propose matches from the list.
 */
@Injectable()
@HandlesEvents(['opportunity.recommendations_ready', 1])
export class RecommendationEmails extends EmailHandler<'opportunity.recommendations_ready'> {
  constructor(
    delivery: MessageDelivery,
    private readonly links: Links,
    private readonly config: NotificationConfig,
  ) {
    super(delivery);
  }

  protected async plan(event: EventEnvelope<'opportunity.recommendations_ready'>, read: PeopleRead): Promise<PlannedMessage[]> {
    const { opportunityId, practitionerIds } = event.payload;
    const opportunity = await read.opportunity(opportunityId);
    if (!opportunity) return [];
    const about = { partnershipName: opportunity.partnershipName, opportunityTitle: opportunity.title };
    const practitioners = await read.recommendedAndAsking(opportunityId, practitionerIds, this.config.RECOMMENDATION_EMAILS_PER_WEEK);
    return [
      ...practitioners.map((person) =>
        message('recommended-for-you', person.email, { ...about, recipientName: person.name, reasons: person.reasons, link: this.links.opportunity(opportunityId) }, person.id),
      ),
      ...(await read.leads(opportunity.partnershipId)).map((lead) =>
        message('recommendations-ready', lead.email, { ...about, recipientName: lead.name, count: practitionerIds.length, link: this.links.decisions(opportunityId) }, lead.id),
      ),
    ];
  }
}
