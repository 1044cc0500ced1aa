import type { EntityManager } from 'typeorm';
import { BEST_FITS_SQL, NOBODY_HOLDS_ALL_SQL, RANK_OPPORTUNITIES_SQL, RANK_PRACTITIONERS_SQL, rankingParameters } from './ranking.sql.js';
import { type Factors, reasonsFor } from '../domain/scoring.js';

/**
 * Keeping recommendations current. Every change runs in the caller's transaction (the worker's inbox
 * transaction) and first locks the opportunity rows it touches, in id order: two workers changing
 * the same opportunity's list take turns, each ranking on what the other committed, so the list never
 * holds a duplicate or loses a row to a race.
 */

interface RankedPair {
  opportunity_id: string;
  practitioner_id: string;
  specialisms_covered: number;
  specialisms_required: number;
  sessions_in_preferred_format: number;
  sessions: number;
  formats: string[];
  nearness: Factors['nearness'];
  taken_recently: number;
  last_taken_at: Date | null;
  peps_required: number | null;
  peps_stage: number;
  score: number;
}

/**
 * Ranks every eligible practitioner for the opportunity and keeps the best `limit`, replacing its
 * list; an opportunity no longer open keeps none. Returns the practitioners new to the list.
 */
export async function recommendForOpportunity(manager: EntityManager, opportunityId: string, limit: number): Promise<string[]> {
  const locked: unknown[] = await manager.query(`SELECT id FROM opportunities WHERE id = $1 FOR NO KEY UPDATE`, [opportunityId]);
  if (locked.length === 0) return [];
  const before = new Set(
    (await manager.query<{ practitioner_id: string }[]>(`SELECT practitioner_id FROM recommendations WHERE opportunity_id = $1`, [opportunityId])).map(
      (row) => row.practitioner_id,
    ),
  );
  // Enough practitioners who earn every point are the answer; ranking everyone is needed only without them.
  let ranked = await bestFits(manager, opportunityId, limit);
  if (ranked.length < limit) {
    await planForRanking(manager);
    ranked = await manager.query<RankedPair[]>(`${RANK_PRACTITIONERS_SQL} ORDER BY score DESC, practitioner_id LIMIT $3`, [
      ...rankingParameters(opportunityId),
      limit,
    ]);
  }
  await manager.query(`DELETE FROM recommendations WHERE opportunity_id = $1`, [opportunityId]);
  await store(manager, ranked);
  return ranked.map((pair) => pair.practitioner_id).filter((id) => !before.has(id));
}

/**
 * The best-fit shortcut (BEST_FITS_SQL): the top `limit` of the full ranking when it finds that many,
 * else fewer. When none earns every specialism point, and nobody could, it looks again for those
 * missing one, since they then score the most anyone can.
 */
export async function bestFits(manager: EntityManager, opportunityId: string, limit: number): Promise<RankedPair[]> {
  await planForBestFits(manager);
  const parameters = [...rankingParameters(opportunityId), limit];
  const found = await manager.query<RankedPair[]>(BEST_FITS_SQL, [...parameters, 0]);
  if (found.length > 0) return found;
  const [holders] = await manager.query<{ nobody: boolean }[]>(NOBODY_HOLDS_ALL_SQL, [opportunityId]);
  return holders?.nobody === true ? manager.query<RankedPair[]>(BEST_FITS_SQL, [...parameters, 1]) : found;
}

/**
 * Ranks the practitioner against every open opportunity of their partnerships, and puts them on each
 * list where they now rank among the best `limit` (pushing the last one off). Where they fall off a
 * list, it is one shorter until the opportunity is ranked again.
 */
export async function recommendForPractitioner(manager: EntityManager, practitionerId: string, limit: number): Promise<void> {
  const touched = await manager.query<{ id: string }[]>(
    `SELECT id FROM opportunities
     WHERE id IN (SELECT opportunity_id FROM recommendations WHERE practitioner_id = $1)
        OR (status = 'published' AND closes_at > now()
            AND partnership_id IN (SELECT partnership_id FROM partnership_members
                                   WHERE council_id = (SELECT council_id FROM practitioner_profiles WHERE user_id = $1)))
     ORDER BY id FOR NO KEY UPDATE`,
    [practitionerId],
  );
  await manager.query(`DELETE FROM recommendations WHERE practitioner_id = $1`, [practitionerId]);
  if (touched.length === 0) return;
  await planForRanking(manager);
  const placed = await manager.query<RankedPair[]>(
    `WITH ranked AS (${RANK_OPPORTUNITIES_SQL})
     SELECT ranked.* FROM ranked
     CROSS JOIN LATERAL (SELECT count(*) AS kept FROM recommendations r WHERE r.opportunity_id = ranked.opportunity_id) AS list
     LEFT JOIN LATERAL (
       SELECT r.score, r.practitioner_id FROM recommendations r WHERE r.opportunity_id = ranked.opportunity_id
       ORDER BY r.score, r.practitioner_id DESC LIMIT 1
     ) AS last_listed ON true
     WHERE list.kept < $3
        OR ranked.score > last_listed.score
        OR (ranked.score = last_listed.score AND ranked.practitioner_id < last_listed.practitioner_id)`,
    [...rankingParameters(practitionerId), limit],
  );
  await store(manager, placed);
  await manager.query(
    `DELETE FROM recommendations r USING (
       SELECT opportunity_id, practitioner_id,
              row_number() OVER (PARTITION BY opportunity_id ORDER BY score DESC, practitioner_id) AS place
       FROM recommendations WHERE opportunity_id = ANY ($1::uuid[])
     ) AS listed
     WHERE listed.place > $2 AND r.opportunity_id = listed.opportunity_id AND r.practitioner_id = listed.practitioner_id`,
    [placed.map((pair) => pair.opportunity_id), limit],
  );
}

/** Takes the practitioner off the opportunity's list (they applied or were proposed). */
export async function withdrawRecommendation(manager: EntityManager, opportunityId: string, practitionerId: string): Promise<void> {
  await manager.query(`SELECT id FROM opportunities WHERE id = $1 FOR NO KEY UPDATE`, [opportunityId]);
  await manager.query(`DELETE FROM recommendations WHERE opportunity_id = $1 AND practitioner_id = $2`, [opportunityId, practitionerId]);
}

/**
 * The planner cannot tell how many practitioners pass the array and JSON conditions; it guesses few,
 * and picks nested loops that take seconds at 100,000 practitioners (bench/README.md). Hash joins are
 * right at every size here, and compiling the query (JIT) costs more than running it. SET LOCAL lasts
 * until the transaction ends.
 */
export async function planForRanking(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'`);
}

/**
 * The shortcut reads the first few thousand profiles in id order. With the default cost of a random
 * page read the planner prefers reading every profile and sorting them all past about 5,000, which is
 * as slow as ranking everyone; the profiles are in memory, so a random read costs little more than a
 * sequential one. Its estimated cost is high enough to be compiled (JIT), which takes longer than
 * running it. SET LOCAL lasts until the transaction ends.
 */
export async function planForBestFits(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL random_page_cost = 1.1; SET LOCAL jit = off`);
}

async function store(manager: EntityManager, ranked: RankedPair[]): Promise<void> {
  if (ranked.length === 0) return;
  const rows = ranked.map((pair) => {
    const factors = factorsOf(pair);
    return { opportunity_id: pair.opportunity_id, practitioner_id: pair.practitioner_id, score: pair.score, reasons: reasonsFor(factors), factors };
  });
  await manager.query(
    `INSERT INTO recommendations (opportunity_id, practitioner_id, score, reasons, factors)
     SELECT opportunity_id, practitioner_id, score, reasons, factors
     FROM jsonb_to_recordset($1::jsonb) AS row (opportunity_id uuid, practitioner_id uuid, score float8, reasons text[], factors jsonb)`,
    [JSON.stringify(rows)],
  );
}

function factorsOf(pair: RankedPair): Factors {
  return {
    specialismsCovered: pair.specialisms_covered,
    specialismsRequired: pair.specialisms_required,
    sessionsInPreferredFormat: pair.sessions_in_preferred_format,
    sessions: pair.sessions,
    formats: pair.formats,
    nearness: pair.nearness,
    takenRecently: pair.taken_recently,
    lastTakenAt: pair.last_taken_at?.toISOString() ?? null,
    pepsRequired: pair.peps_required,
    pepsStage: pair.peps_stage,
  };
}

/** A council has left the partnership: its practitioners are no longer recommended for the partnership's opportunities. */
export async function withdrawCouncilFromPartnership(manager: EntityManager, partnershipId: string, councilId: string): Promise<void> {
  await manager.query(
    `SELECT id FROM opportunities WHERE id IN (SELECT opportunity_id FROM recommendations) AND partnership_id = $1 ORDER BY id FOR NO KEY UPDATE`,
    [partnershipId],
  );
  await manager.query(
    `DELETE FROM recommendations r USING opportunities o, practitioner_profiles p
     WHERE o.id = r.opportunity_id AND o.partnership_id = $1 AND p.user_id = r.practitioner_id AND p.council_id = $2`,
    [partnershipId, councilId],
  );
}
