import type { EntityManager } from 'typeorm';
import { londonDateTime } from '#libs/http';
import { practitionerSummaries } from '#libs/practitioners';
import type { MatchDetails, OpportunityPlaces } from '../http/decisions.dto.js';
import { toMatchResponse } from '../http/match.mapper.js';
import type { Match } from './match.entity.js';

/** Each opportunity with its places taken and proposed, by id, counted in one query. */
export async function placesById(manager: EntityManager, ids: string[]): Promise<Map<string, OpportunityPlaces>> {
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
