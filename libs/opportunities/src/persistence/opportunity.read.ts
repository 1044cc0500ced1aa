import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PREPARED_SQL } from '#libs/database';
import type { Caller } from '#libs/identity';
import { londonDateTime } from '#libs/http';
import { actionsFrom } from '../domain/opportunity.js';
import { canChange, canSee } from '../domain/opportunity-access.js';
import type { OpportunityResponse } from '../http/opportunity.dto.js';
import type { OpportunitySession } from './opportunity-session.entity.js';
import { Opportunity } from './opportunity.entity.js';
import { placesTaken } from './places-taken.js';

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

// Plain SQL on every listing's path: one statement text whatever the page's size, and no entities to build.
const SESSIONS_OF = `${PREPARED_SQL}SELECT opportunity_id AS "opportunityId", starts_at AS "startsAt", ends_at AS "endsAt", place, online_link AS "onlineLink"
  FROM opportunity_sessions WHERE opportunity_id = ANY ($1::uuid[]) ORDER BY starts_at`;

/**
 * The one place stored opportunities become what the API shows to `caller` (sessions and counts in
 * one query each); every field listed on purpose. What only those who may change it see (the count
 * of applications, the actions open to them) is null or empty for everyone else, and for no caller at all
 * (the public listing).
 */
export async function toOpportunityResponses(manager: EntityManager, opportunities: Opportunity[], caller: Caller | null): Promise<OpportunityResponse[]> {
  if (opportunities.length === 0) return [];
  const ids = opportunities.map((o) => o.id);
  const changeable = caller ? opportunities.filter((opportunity) => canChange(caller, opportunity)).map((o) => o.id) : [];
  // One after another: inside a command's transaction the manager has a single connection.
  const sessions = await manager.query<Pick<OpportunitySession, 'opportunityId' | 'startsAt' | 'endsAt' | 'place' | 'onlineLink'>[]>(SESSIONS_OF, [ids]);
  // Read here so that every answer says what is left.
  const taken = await placesTaken(manager, ids);
  const counts = await applicationCounts(manager, changeable);
  return opportunities.map((opportunity) => ({
    id: opportunity.id,
    partnershipId: opportunity.partnershipId,
    host: opportunity.hostUniversityId ? { type: 'university', id: opportunity.hostUniversityId } : { type: 'council', id: opportunity.hostCouncilId! },
    type: opportunity.type,
    title: opportunity.title,
    description: opportunity.description,
    status: opportunity.status,
    capacity: opportunity.capacity,
    placesLeft: Math.max(0, opportunity.capacity - taken.get(opportunity.id)!),
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
    applicationCount: counts.has(opportunity.id) ? counts.get(opportunity.id)! : null,
    actions: counts.has(opportunity.id) ? actionsFrom(opportunity.status) : [],
    eligibility: null,
    createdAt: londonDateTime(opportunity.createdAt),
    updatedAt: londonDateTime(opportunity.updatedAt),
  }));
}

export async function toOpportunityResponse(manager: EntityManager, opportunity: Opportunity, caller: Caller): Promise<OpportunityResponse> {
  return (await toOpportunityResponses(manager, [opportunity], caller))[0]!;
}

/**
 * Applications not withdrawn, by opportunity (every id given has one, zero included). Read straight
 * from the applications table: that context builds on this one, not the other way round.
 */
async function applicationCounts(manager: EntityManager, opportunityIds: string[]): Promise<Map<string, number>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await manager.query<{ opportunity_id: string; count: number }[]>(
    `SELECT opportunity_id, count(*)::int AS count FROM applications
     WHERE opportunity_id = ANY ($1::uuid[]) AND status = 'submitted' GROUP BY opportunity_id`,
    [opportunityIds],
  );
  const counts = new Map(opportunityIds.map((id) => [id, 0]));
  for (const row of rows) counts.set(row.opportunity_id, row.count);
  return counts;
}
