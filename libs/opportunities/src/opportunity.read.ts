import { NotFoundException } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { Caller } from '#libs/identity';
import { londonDateTime } from '#libs/http';
import { canSee } from './opportunity-access.js';
import { OpportunitySession } from './opportunity-session.entity.js';
import { Opportunity } from './opportunity.entity.js';
import type { OpportunityResponse } from './opportunity.dto.js';

/** The opportunity if the caller may see it; another partnership's, or someone else's draft, is not found. */
export async function visibleOpportunity(
  manager: EntityManager,
  caller: Caller,
  id: string,
  lock?: 'pessimistic_read' | 'pessimistic_write',
): Promise<Opportunity> {
  const opportunity = await manager.findOne(Opportunity, { where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
  if (!opportunity || !canSee(caller, opportunity)) throw new NotFoundException(`No opportunity has id ${id}.`);
  return opportunity;
}

/** The one place stored opportunities become what the API shows (sessions in one query); every field listed on purpose. */
export async function toOpportunityResponses(manager: EntityManager, opportunities: Opportunity[]): Promise<OpportunityResponse[]> {
  const sessions = opportunities.length
    ? await manager.find(OpportunitySession, { where: { opportunityId: In(opportunities.map((o) => o.id)) }, order: { startsAt: 'ASC' } })
    : [];
  return opportunities.map((opportunity) => ({
    id: opportunity.id,
    partnershipId: opportunity.partnershipId,
    host: opportunity.hostUniversityId ? { type: 'university', id: opportunity.hostUniversityId } : { type: 'council', id: opportunity.hostCouncilId! },
    type: opportunity.type,
    title: opportunity.title,
    description: opportunity.description,
    status: opportunity.status,
    capacity: opportunity.capacity,
    requiredSpecialisms: opportunity.requiredSpecialisms,
    minimumCareerStage: opportunity.minimumCareerStage,
    pepsStage: opportunity.pepsStage,
    sessions: sessions
      .filter((session) => session.opportunityId === opportunity.id)
      .map((session) => ({
        startsAt: londonDateTime(session.startsAt),
        endsAt: londonDateTime(session.endsAt),
        place: session.place,
        onlineLink: session.onlineLink,
      })),
    closesAt: londonDateTime(opportunity.closesAt),
    contact: opportunity.contact,
    cancellationReason: opportunity.cancellationReason,
    createdAt: londonDateTime(opportunity.createdAt),
    updatedAt: londonDateTime(opportunity.updatedAt),
  }));
}

export async function toOpportunityResponse(manager: EntityManager, opportunity: Opportunity): Promise<OpportunityResponse> {
  return (await toOpportunityResponses(manager, [opportunity]))[0]!;
}
