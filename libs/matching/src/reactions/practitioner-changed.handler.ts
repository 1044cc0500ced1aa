import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { MatchingConfig } from '../matching.config.js';
import { recommendForPractitioner } from '../persistence/recommend.js';

/**
 * Ranks a practitioner afresh across open opportunities when their profile changes, or when an
 * approved match changes what they have taken (their term's limit, and fairness).
 */
@Injectable()
@HandlesEvents(['practitioner.profile_updated', 1], ['match.approved', 1])
export class PractitionerChangedHandler implements EventHandler<'practitioner.profile_updated' | 'match.approved'> {
  constructor(private readonly config: MatchingConfig) {}

  async handle(event: EventEnvelope<'practitioner.profile_updated' | 'match.approved'>, transaction: EntityManager): Promise<void> {
    const practitionerId = event.type === 'practitioner.profile_updated' ? event.payload.userId : event.payload.practitionerId;
    await recommendForPractitioner(transaction, practitionerId, this.config.RECOMMENDATIONS_PER_OPPORTUNITY);
  }
}
