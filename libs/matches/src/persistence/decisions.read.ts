import type { EntityManager } from 'typeorm';
import { Application, toApplicationResponse } from '#libs/applications';
import { londonDateTime } from '#libs/http';
import { Opportunity } from '#libs/opportunities';
import { practitionerSummaries } from '#libs/practitioners';
import type { ApplicationDetails, MatchDetails, OpportunityDecisions, OpportunityPlaces, PartnershipDecisions } from '../http/decisions.dto.js';
import { Match } from './match.entity.js';
import { toMatchResponse } from '../http/match.mapper.js';

const LIST_LIMIT = 50;
const CLOSING_WITHIN = '14 days';

/** Each opportunity with its places taken and proposed, by id, counted in one query. */
async function placesById(manager: EntityManager, ids: string[]): Promise<Map<string, OpportunityPlaces>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.query<
    {
      id: string;
      partnership_id: string;
      title: string;
      type: OpportunityPlaces['type'];
      status: OpportunityPlaces['status'];
      capacity: number;
      closes_at: Date;
      first_session_at: Date;
      approved: number;
      proposed: number;
    }[]
  >(
    `SELECT o.id, o.partnership_id, o.title, o.type, o.status, o.capacity, o.closes_at, o.first_session_at,
            count(m.id) FILTER (WHERE m.status = 'approved')::int AS approved,
            count(m.id) FILTER (WHERE m.status = 'proposed')::int AS proposed
     FROM opportunities o LEFT JOIN matches m ON m.opportunity_id = o.id
     WHERE o.id = ANY ($1::uuid[])
     GROUP BY o.id`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        partnershipId: row.partnership_id,
        title: row.title,
        type: row.type,
        status: row.status,
        capacity: row.capacity,
        approved: row.approved,
        proposed: row.proposed,
        closesAt: londonDateTime(row.closes_at),
        firstSessionAt: londonDateTime(row.first_session_at),
      },
    ]),
  );
}

/** Matches with who they are about and their opportunity's places; every field listed on purpose. */
export async function matchDetails(manager: EntityManager, matches: Match[]): Promise<MatchDetails[]> {
  const [people, places] = await Promise.all([
    practitionerSummaries(manager, matches.map((match) => match.practitionerId)),
    placesById(manager, matches.map((match) => match.opportunityId)),
  ]);
  return matches.map((match) => ({ match: toMatchResponse(match), practitioner: people.get(match.practitionerId)!, opportunity: places.get(match.opportunityId)! }));
}

/**
 * What waits for a partnership's leads: matches to approve or reject, applications nobody has
 * proposed or turned down yet, and open opportunities closing within 14 days with places left.
 */
export async function partnershipDecisions(manager: EntityManager, partnershipId: string): Promise<PartnershipDecisions> {
  const [[proposed, proposedCount], [waiting, waitingCount], [closing, closingCount]] = await Promise.all([
    manager
      .createQueryBuilder(Match, 'm')
      .innerJoin(Opportunity, 'o', 'o.id = m.opportunity_id')
      .where(`o.partnership_id = :partnershipId AND m.status = 'proposed' AND o.status IN ('published', 'closed', 'filled')`, { partnershipId })
      .orderBy('m.proposedAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .take(LIST_LIMIT)
      .getManyAndCount(),
    manager
      .createQueryBuilder(Application, 'a')
      .innerJoin(Opportunity, 'o', 'o.id = a.opportunity_id')
      .where(`o.partnership_id = :partnershipId AND a.status = 'submitted' AND o.status IN ('published', 'closed')`, { partnershipId })
      // Made from it, or the same person matched from a recommendation: either way it is in hand.
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM matches m WHERE m.application_id = a.id
           OR (m.opportunity_id = a.opportunity_id AND m.practitioner_id = a.practitioner_id AND m.status IN ('proposed', 'approved')))`,
      )
      .orderBy('a.submittedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(LIST_LIMIT)
      .getManyAndCount(),
    manager
      .createQueryBuilder(Opportunity, 'o')
      .where(`o.partnership_id = :partnershipId AND o.status = 'published' AND o.closes_at > now() AND o.closes_at <= now() + interval '${CLOSING_WITHIN}'`, {
        partnershipId,
      })
      .andWhere(`(SELECT count(*) FROM matches m WHERE m.opportunity_id = o.id AND m.status = 'approved') < o.capacity`)
      .orderBy('o.closesAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(LIST_LIMIT)
      .getManyAndCount(),
  ]);
  const [matches, people, places] = await Promise.all([
    matchDetails(manager, proposed),
    practitionerSummaries(manager, waiting.map((application) => application.practitionerId)),
    placesById(manager, [...waiting.map((application) => application.opportunityId), ...closing.map((opportunity) => opportunity.id)]),
  ]);
  return {
    proposedMatches: matches,
    waitingApplications: waiting.map((application) => ({
      application: toApplicationResponse(application),
      practitioner: people.get(application.practitionerId)!,
      opportunity: places.get(application.opportunityId)!,
    })),
    closingSoon: closing.map((opportunity) => places.get(opportunity.id)!),
    counts: { proposedMatches: proposedCount, waitingApplications: waitingCount, closingSoon: closingCount },
  };
}

/** An opportunity's applications, each with the match made from it, and all its matches, with who each is about. */
export async function opportunityDecisions(manager: EntityManager, opportunityId: string): Promise<OpportunityDecisions> {
  const [applications, matches, places] = await Promise.all([
    manager.find(Application, { where: { opportunityId }, order: { submittedAt: 'ASC', id: 'ASC' } }),
    manager.find(Match, { where: { opportunityId }, order: { proposedAt: 'ASC', id: 'ASC' } }),
    placesById(manager, [opportunityId]),
  ]);
  const people = await practitionerSummaries(manager, [...applications.map((a) => a.practitionerId), ...matches.map((m) => m.practitionerId)]);
  const opportunity = places.get(opportunityId)!;
  const madeFrom = (application: Application) => matches.filter((match) => match.applicationId === application.id).at(-1);
  return {
    opportunity,
    applications: applications.map(
      (application): ApplicationDetails => ({
        application: toApplicationResponse(application),
        practitioner: people.get(application.practitionerId)!,
        matchId: madeFrom(application)?.id ?? null,
        matchStatus: madeFrom(application)?.status ?? null,
      }),
    ),
    matches: matches.map((match) => ({ match: toMatchResponse(match), practitioner: people.get(match.practitionerId)!, opportunity })),
  };
}
