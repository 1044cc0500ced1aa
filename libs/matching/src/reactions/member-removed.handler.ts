import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';
import { withdrawCouncilFromPartnership } from '../persistence/recommend.js';

/**
 * A council that leaves a partnership takes its practitioners off the partnership's lists. (A member
 * added is ranked in as each opportunity or profile next changes.)
 */
@Injectable()
@HandlesEvents(['partnership.member_removed', 1])
export class MemberRemovedHandler implements EventHandler<'partnership.member_removed'> {
  async handle(event: EventEnvelope<'partnership.member_removed'>, transaction: EntityManager): Promise<void> {
    const { partnershipId, organisationType, organisationId } = event.payload;
    if (organisationType === 'council') await withdrawCouncilFromPartnership(transaction, partnershipId, organisationId);
  }
}
