import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { Links } from '../delivery/links.js';
import { MessageDelivery } from '../delivery/message-delivery.js';
import { digestItem, subscriptionWants } from '../digests/subscription-match.sql.js';

/**
 * `instant` subscribers whose filters match a newly published opportunity get it at once, as a
 * digest of one. Planned in one statement, however many subscribers there are.
 */
@Injectable()
@HandlesEvents(['opportunity.published', 1])
export class InstantAlerts implements EventHandler<'opportunity.published'> {
  constructor(
    private readonly delivery: MessageDelivery,
    private readonly links: Links,
  ) {}

  async afterCommit(event: EventEnvelope<'opportunity.published'>): Promise<void> {
    await this.delivery.deliver(event.id);
  }

  async handle(event: EventEnvelope<'opportunity.published'>, transaction: EntityManager): Promise<void> {
    await transaction.query(
      `INSERT INTO sent_messages (event_key, recipient, template, params, user_id)
       SELECT $1, s.email, 'digest', jsonb_build_object('subscriptionId', s.id, 'frequency', 'instant', 'total', 1, 'moreLink', $4::text,
         'opportunities', jsonb_build_array(${digestItem('o', 'p.name', '$3')})), s.user_id
       FROM opportunities o JOIN partnerships p ON p.id = o.partnership_id
       JOIN subscriptions s ON s.status = 'confirmed' AND s.frequency = 'instant' AND ${subscriptionWants('s', 'o')}
       WHERE o.id = $2 AND o.status = 'published'
       ON CONFLICT (event_key, lower(recipient), template) DO NOTHING`,
      [event.id, event.payload.opportunityId, this.links.opportunity(''), this.links.findOpportunities()],
    );
  }
}
