import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '#libs/identity';
import { canChange, Opportunity } from '#libs/opportunities';
import { Match } from './match.entity.js';

/**
 * The match and its opportunity, for its practitioner and for those who may change the opportunity
 * (its hosts, the partnership's leads, admins). Anyone else is told there is no such match: even
 * in the same partnership, another person's match is theirs.
 */
export async function visibleMatch(manager: EntityManager, caller: Caller, id: string): Promise<{ match: Match; opportunity: Opportunity }> {
  const match = await manager.findOneBy(Match, { id });
  const opportunity = match && (await manager.findOneBy(Opportunity, { id: match.opportunityId }));
  if (!match || !opportunity || (match.practitionerId !== caller.id && !canChange(caller, opportunity))) {
    throw new NotFoundException(`No match has id ${id}.`);
  }
  return { match, opportunity };
}
