import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '#libs/identity';
import { Recommendation } from '#libs/matching';
import { visibleOpportunity } from '#libs/opportunities';
import { isLeadOf } from '../../domain/match-policy.js';
import type { Proposal } from './proposal.js';

/**
 * A match made from a recommendation, by a lead, without waiting for an application: 404 unless the
 * practitioner is recommended for it, 409 unless it is published.
 */
export async function fromRecommendation(transaction: EntityManager, caller: Caller, opportunityId: string, practitionerId: string): Promise<Proposal> {
  // A lead sees only the partnerships they lead.
  const opportunity = await visibleOpportunity(transaction, caller, opportunityId);
  if (!isLeadOf(caller, opportunity)) throw new ForbiddenException("Only the partnership's leads propose matches from recommendations.");
  if (opportunity.status !== 'published') throw new ConflictException(`The opportunity is ${opportunity.status}: no matches can be proposed.`);
  const recommendation = await transaction.findOneBy(Recommendation, { opportunityId, practitionerId });
  if (!recommendation) throw new NotFoundException(`Practitioner ${practitionerId} is not recommended for opportunity ${opportunityId}.`);
  // Off the list now rather than when the matching worker hears of the proposal: the lead's next look no longer shows it.
  await transaction.delete(Recommendation, { opportunityId, practitionerId });
  return { opportunity, practitionerId, applicationId: null };
}
