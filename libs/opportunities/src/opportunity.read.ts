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
  if (opportunities.length === 0) return [];
  const ids = opportunities.map((o) => o.id);
  const [sessions, approvals] = await Promise.all([
    manager.find(OpportunitySession, { where: { opportunityId: In(ids) }, order: { startsAt: 'ASC' } }),
    // Places are taken by the matches context's approvals; read here so that every answer says what is left.
    manager.query<{ opportunity_id: string; approved: number }[]>(
      `SELECT opportunity_id, count(*)::int AS approved FROM matches WHERE status = 'approved' AND opportunity_id = ANY($1) GROUP BY opportunity_id`,
      [ids],
    ),
  ]);
  const approved = new Map(approvals.map((row) => [row.opportunity_id, row.approved]));
  return opportunities.map((opportunity) => ({
    id: opportunity.id,
    partnershipId: opportunity.partnershipId,
    host: opportunity.hostUniversityId ? { type: 'university', id: opportunity.hostUniversityId } : { type: 'council', id: opportunity.hostCouncilId! },
    type: opportunity.type,
    title: opportunity.title,
    description: opportunity.description,
    status: opportunity.status,
    capacity: opportunity.capacity,
    placesLeft: Math.max(0, opportunity.capacity - (approved.get(opportunity.id) ?? 0)),
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
