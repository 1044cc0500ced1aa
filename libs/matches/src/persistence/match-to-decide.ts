import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '#libs/identity';
import { type Opportunity, visibleOpportunity } from '#libs/opportunities';
import { isLeadOf } from '../domain/match-policy.js';
import { Match } from './match.entity.js';

/**
 * The proposed match a lead decides, locked so that it is decided once however many decide it at
 * the same time, with its opportunity. 404 for a match the caller cannot see, 403 unless they lead
 * its partnership, 409 once it is decided.
 */
export async function matchToDecide(transaction: EntityManager, caller: Caller, matchId: string): Promise<{ match: Match; opportunity: Opportunity }> {
  const match = await transaction.findOne(Match, { where: { id: matchId }, lock: { mode: 'pessimistic_write' } });
  if (!match) throw new NotFoundException(`No match has id ${matchId}.`);
  const opportunity = await visibleOpportunity(transaction, caller, match.opportunityId).catch(() => {
    throw new NotFoundException(`No match has id ${matchId}.`);
  });
  // Matches are decided by the partnership's leads (and admins); hosts see them but do not decide.
  if (!isLeadOf(caller, opportunity)) throw new ForbiddenException("Only the partnership's leads decide matches.");
  if (match.status !== 'proposed') throw new ConflictException(`The match is ${match.status} already.`);
  return { match, opportunity };
}

/** Records the decision on the match. */
export function decide(transaction: EntityManager, match: Match, status: 'approved' | 'rejected', caller: Caller, note: string | undefined): Promise<Match> {
  return transaction.save(Object.assign(match, { status, decidedBy: caller.id, decidedAt: new Date(), note: note ?? null }));
}
