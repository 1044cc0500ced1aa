import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import { appendToOutbox, domainEvent, type EventEnvelope } from '#libs/events';
import { MatchingConfig } from '../matching.config.js';
import { recommendForOpportunity } from '../persistence/recommend.js';

type OpportunityChanged =
  | 'opportunity.published'
  | 'opportunity.updated'
  | 'opportunity.closed'
  | 'opportunity.cancelled'
  | 'opportunity.filled'
  | 'opportunity.completed';

/**
 * Ranks the opportunity's practitioners afresh whenever it changes: a published one gets its list
 * (and `opportunity.recommendations_ready` names who is new on it); a closed, cancelled, filled or
 * completed one loses it.
 */
@Injectable()
@HandlesEvents(
  ['opportunity.published', 1],
  ['opportunity.updated', 1],
  ['opportunity.closed', 1],
  ['opportunity.cancelled', 1],
  ['opportunity.filled', 1],
  ['opportunity.completed', 1],
)
export class OpportunityChangedHandler implements EventHandler<OpportunityChanged> {
  constructor(private readonly config: MatchingConfig) {}

  async handle(event: EventEnvelope<OpportunityChanged>, transaction: EntityManager): Promise<void> {
    const { opportunityId, partnershipId } = event.payload;
    const added = await recommendForOpportunity(transaction, opportunityId, this.config.RECOMMENDATIONS_PER_OPPORTUNITY);
    if (added.length === 0) return;
    await appendToOutbox(transaction, [
      domainEvent('opportunity.recommendations_ready', {
        aggregateId: opportunityId,
        partnershipId,
        payload: { opportunityId, partnershipId, practitionerIds: added },
      }),
    ]);
  }
}
