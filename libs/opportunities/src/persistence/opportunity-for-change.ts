import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '#libs/identity';
import { type OpportunityAction, statusAfter, WrongStateError } from '../domain/opportunity.js';
import { canChange } from '../domain/opportunity-access.js';
import { opportunityEvent } from '../domain/opportunity.events.js';
import type { OpportunityResponse } from '../http/opportunity.dto.js';
import type { Opportunity } from './opportunity.entity.js';
import { toOpportunityResponse, visibleOpportunity } from './opportunity.read.js';

/** The opportunity locked for a change the caller may make from its current status: else 404, 403 or 409. */
export async function forChange(transaction: EntityManager, caller: Caller, id: string, action: OpportunityAction) {
  const opportunity = await visibleOpportunity(transaction, caller, id, 'pessimistic_write');
  if (!canChange(caller, opportunity)) throw new ForbiddenException('Only the host university\'s academics and the partnership\'s leads may change it.');
  try {
    return { opportunity, next: statusAfter(action, opportunity.status) };
  } catch (error) {
    if (error instanceof WrongStateError) throw new ConflictException(error.message);
    throw error;
  }
}

/** Saves a move along the lifecycle: the opportunity as the caller now sees it, and the event that tells it. */
export async function saveStatusChange(
  transaction: EntityManager,
  opportunity: Opportunity,
  changes: Partial<Opportunity>,
  event: 'published' | 'closed' | 'cancelled' | 'completed',
  caller: Caller,
): Promise<{ result: OpportunityResponse; events: ReturnType<typeof opportunityEvent>[] }> {
  const saved = await transaction.save(Object.assign(opportunity, changes));
  return { result: await toOpportunityResponse(transaction, saved, caller), events: [opportunityEvent(event, saved, caller.id)] };
}
