import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { withdrawRecommendation } from '../persistence/recommend.js';

/** Someone who applied, or was proposed, needs recommending no more for that opportunity. */
@Injectable()
@HandlesEvents(['application.submitted', 1], ['match.proposed', 1])
export class PractitionerEngagedHandler implements EventHandler<'application.submitted' | 'match.proposed'> {
  async handle(event: EventEnvelope<'application.submitted' | 'match.proposed'>, transaction: EntityManager): Promise<void> {
    await withdrawRecommendation(transaction, event.payload.opportunityId, event.payload.practitionerId);
  }
}
