import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { statusAfterTakingPlace, WrongStateError } from '../../domain/opportunity.js';
import { opportunityEvent } from '../../domain/opportunity.events.js';
import { Opportunity } from '../../persistence/opportunity.entity.js';
import { placesTakenOf } from '../../persistence/places-taken.js';

/**
 * Takes one of the opportunity's places for an approval, inside the caller's transaction. The lock
 * comes first: approvals of one opportunity go in single file, so the count of places taken cannot
 * race and nothing is overbooked. 409 when it takes no more places; the last one fills it. Answers
 * the events to commit with the caller's change (`opportunity.filled`, with the last place).
 */
export async function takePlace(transaction: EntityManager, opportunityId: string, actorId: string): Promise<ReturnType<typeof opportunityEvent>[]> {
  const opportunity = await transaction.findOneOrFail(Opportunity, { where: { id: opportunityId }, lock: { mode: 'pessimistic_write' } });
  let status;
  try {
    status = statusAfterTakingPlace(opportunity, await placesTakenOf(transaction, opportunityId));
  } catch (error) {
    if (error instanceof WrongStateError) throw new ConflictException(error.message);
    throw error;
  }
  if (status === opportunity.status) return [];
  opportunity.status = status;
  return [opportunityEvent('filled', await transaction.save(opportunity), actorId)];
}
