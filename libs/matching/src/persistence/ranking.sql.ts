import { CAREER_STAGES, PEPS_STAGES } from '#libs/practitioners';
import { NEARNESS_SHARE, WEIGHTS } from '../domain/scoring.js';

const MAX_PEPS_STAGE = Math.max(...PEPS_STAGES);
const BEST_FITS_SCAN = 6000;

/**
 * One query ranks both ways: an opportunity against every practitioner of its partnership, and a
 * practitioner against every open opportunity of their partnerships. The two entry points below only
 * choose the rows on each side; what makes a pair eligible and how it scores is written once, in
 * `rankingSql`, over every pair of those rows. BEST_FITS_SQL, the shortcut, shares the opportunity
 * side, the eligibility and the score with it.
 */

/** Every eligible practitioner for one published opportunity ($2), with factors and score. */
export const RANK_PRACTITIONERS_SQL = rankingSql(
  `SELECT * FROM opportunities WHERE id = $2 AND status = 'published' AND closes_at > now()`,
  `SELECT * FROM practitioner_profiles
   WHERE council_id = ANY (ARRAY(SELECT council_id FROM partnership_members
                                 WHERE partnership_id = (SELECT partnership_id FROM opportunities WHERE id = $2)))`,
  // Approved matches are few beside practitioners: aggregating all of them beats picking out the partnership's.
  { taken: 'true', engaged: 'opportunity_id = $2' },
);

/** Every open opportunity one practitioner ($2) is eligible for, with factors and score. */
export const RANK_OPPORTUNITIES_SQL = rankingSql(
  `SELECT * FROM opportunities
   WHERE status = 'published' AND closes_at > now()
     AND partnership_id IN (SELECT partnership_id FROM partnership_members
                            WHERE council_id = (SELECT council_id FROM practitioner_profiles WHERE user_id = $2))`,
  `SELECT * FROM practitioner_profiles WHERE user_id = $2`,
  { taken: 'm.practitioner_id = $2', engaged: 'practitioner_id = $2' },
);

/**
 * A shortcut to the same answer as RANK_PRACTITIONERS_SQL's first `$3` rows: the eligible
 * practitioners who earn every point anyone can (the opportunity's specialisms but `$4` of them,
 * nothing taken lately, every session in a preferred format, its own council when a council hosts,
 * a PEPS stage above the one asked when there is one above), fewest ids first. `$4` is 0, or 1 when
 * nobody in the partnership holds every specialism asked for (NOBODY_HOLDS_ALL_SQL): then all but
 * one is the most anyone covers. They all score the most anyone can, and ties rank by id, so when
 * `$3` of them are found among the first practitioners by id they are the top of the full ranking.
 * The scan runs in id order and stops at `$3` (or after BEST_FITS_SCAN practitioners), so it costs
 * what finding them costs, not the partnership's size; with fewer, the caller ranks everyone.
 */
export const BEST_FITS_SQL = `
  WITH o AS MATERIALIZED (${opportunitySide(`SELECT * FROM opportunities WHERE id = $2 AND status = 'published' AND closes_at > now()`)}),
  best AS (
    SELECT o.id AS opportunity_id, p.user_id AS practitioner_id,
           greatest(cardinality(o.required_specialisms) - $4::int, 0) AS specialisms_covered, cardinality(o.required_specialisms) AS specialisms_required,
           o.sessions AS sessions_in_preferred_format, o.sessions, o.formats,
           CASE WHEN o.host_council_id IS NULL THEN 'none' ELSE 'own_council' END AS nearness,
           0 AS taken_recently,
           (SELECT max(m.decided_at) FROM matches m WHERE m.practitioner_id = p.user_id AND m.status = 'approved') AS last_taken_at,
           o.peps_stage::int AS peps_required, p.peps_stage::int AS peps_stage
    FROM o CROSS JOIN LATERAL (
      SELECT p.* FROM (
        -- Only so far: past the first few thousand without enough, ranking everyone is the quicker way.
        -- A council's opportunity reads its own practitioners by (council, id); only they get every point.
        (SELECT * FROM practitioner_profiles
         WHERE o.host_council_id IS NULL
           AND council_id IN (SELECT council_id FROM partnership_members WHERE partnership_id = o.partnership_id)
         ORDER BY user_id LIMIT ${BEST_FITS_SCAN})
        UNION ALL
        (SELECT * FROM practitioner_profiles
         WHERE council_id = o.host_council_id
           AND council_id IN (SELECT council_id FROM partnership_members WHERE partnership_id = o.partnership_id)
         ORDER BY user_id LIMIT ${BEST_FITS_SCAN})
      ) AS p
      WHERE true
        AND CASE WHEN $4::int = 0 THEN p.specialisms @> o.required_specialisms
                 ELSE (SELECT count(*) FROM unnest(o.required_specialisms) AS r (code) WHERE r.code = ANY (p.specialisms))
                      >= cardinality(o.required_specialisms) - $4::int END
        AND (o.in_person_only = 0 OR p.preferred_formats @> '{in_person}')
        AND (o.online_only = 0 OR p.preferred_formats @> '{online}')
        AND (o.either = 0 OR p.preferred_formats && '{in_person,online}')
        AND (o.peps_stage IS NULL OR o.peps_stage >= ${MAX_PEPS_STAGE} OR p.peps_stage > o.peps_stage)
        AND ${qualifiedAndFree('o', 'p')}
        -- A scalar subquery, looked up by index per practitioner: the few scanned never need all matches.
        AND coalesce((SELECT max(m.decided_at) FROM matches m WHERE m.practitioner_id = p.user_id AND m.status = 'approved'),
                     '-infinity') <= now() - interval '6 months'
        AND (SELECT count(*) FROM matches m JOIN opportunities t ON t.id = m.opportunity_id
             WHERE m.practitioner_id = p.user_id AND m.status = 'approved' AND academic_term(t.first_session_at) = o.term) < p.max_opportunities_per_term
        AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.opportunity_id = o.id AND a.practitioner_id = p.user_id)
        AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.opportunity_id = o.id AND m.practitioner_id = p.user_id)
      ORDER BY p.user_id
      LIMIT $3
    ) AS p
  )
  SELECT best.*, ${scoreSql('best')} AS score FROM best ORDER BY practitioner_id`;

/**
 * Whether the opportunity ($1) asks for specialisms and none of its partnership's practitioners holds
 * them all. Counting lets the specialisms index answer; a search for the first holder would scan every
 * profile when there is none.
 */
export const NOBODY_HOLDS_ALL_SQL = `
  SELECT cardinality(o.required_specialisms) > 0
         AND (SELECT count(*) FROM practitioner_profiles p
              WHERE p.specialisms @> o.required_specialisms
                AND p.council_id IN (SELECT council_id FROM partnership_members WHERE partnership_id = o.partnership_id)) = 0 AS nobody
  FROM opportunities o WHERE o.id = $1`;

/** Parameters of both: the career stages in order, then the opportunity's or practitioner's id. */
export const rankingParameters = (id: string): [string[], string] => [[...CAREER_STAGES], id];

/**
 * The opportunity with what pairing needs of it: its host council's region, its academic term, and
 * its sessions' London weekdays and dates, how many, and in which formats.
 */
function opportunitySide(opportunities: string): string {
  return `
      SELECT o.id, o.partnership_id, o.required_specialisms, o.minimum_career_stage, o.peps_stage, o.host_council_id,
             host.region AS host_region, academic_term(o.first_session_at) AS term,
             s.weekdays, s.dates, s.sessions, s.in_person_only, s.online_only, s.either, s.formats
      FROM (${opportunities}) AS o
      LEFT JOIN councils host ON host.id = o.host_council_id
      CROSS JOIN LATERAL (
        SELECT array_agg(DISTINCT extract(isodow FROM local)::smallint) AS weekdays,
               array_agg(DISTINCT to_char(local, 'YYYY-MM-DD')) AS dates,
               count(DISTINCT id)::int AS sessions,
               count(DISTINCT id) FILTER (WHERE place IS NOT NULL AND online_link IS NULL)::int AS in_person_only,
               count(DISTINCT id) FILTER (WHERE place IS NULL AND online_link IS NOT NULL)::int AS online_only,
               count(DISTINCT id) FILTER (WHERE place IS NOT NULL AND online_link IS NOT NULL)::int AS either,
               array_remove(ARRAY[CASE WHEN bool_or(place IS NOT NULL) THEN 'in_person' END,
                                  CASE WHEN bool_or(online_link IS NOT NULL) THEN 'online' END], NULL) AS formats
        FROM opportunity_sessions
        -- A session is on the day it starts and the day it ends (in London; one ending at midnight ends
        -- the day before): the practitioner must be free, and working, on both.
        CROSS JOIN LATERAL (VALUES (starts_at AT TIME ZONE 'Europe/London'),
                                   ((ends_at - interval '1 microsecond') AT TIME ZONE 'Europe/London')) AS moments (local)
        WHERE opportunity_id = o.id
      ) AS s
  `;
}

/** Practitioner `pr` is qualified for opportunity `o` (career and PEPS stages) and free on every session's days. */
function qualifiedAndFree(o: string, pr: string): string {
  return `array_position($1::text[], ${pr}.career_stage) >= array_position($1::text[], ${o}.minimum_career_stage)
        AND (${o}.peps_stage IS NULL OR ${pr}.peps_stage >= ${o}.peps_stage)
        AND ${pr}.available_weekdays @> ${o}.weekdays
        AND (${pr}.unavailable_periods = '[]'::jsonb OR NOT EXISTS (
              SELECT 1 FROM jsonb_array_elements(${pr}.unavailable_periods) AS away, unnest(${o}.dates) AS day
              WHERE day BETWEEN away ->> 'from' AND away ->> 'to'))`;
}

/**
 * Pairs every row of `opportunities` with every row of `practitioners`: each side must already be
 * narrowed to the other's partnerships. `only` narrows the approved matches (`taken`) and the
 * applications and matches that rule a pair out (`engaged`) to the ones that can concern these
 * pairs; they are gathered once and hash-joined, not looked up pair by pair.
 */
function rankingSql(opportunities: string, practitioners: string, only: { taken: string; engaged: string }): string {
  return `
    WITH o AS MATERIALIZED (${opportunitySide(opportunities)}),
    pr AS (
      SELECT p.user_id AS id, p.council_id, home.region, p.career_stage, p.peps_stage, p.specialisms, p.available_weekdays,
             p.unavailable_periods, p.preferred_formats, p.max_opportunities_per_term
      FROM (${practitioners}) AS p
      JOIN councils home ON home.id = p.council_id
    ),
    taken AS (
      SELECT m.practitioner_id, academic_term(t.first_session_at) AS term, m.decided_at
      FROM matches m JOIN opportunities t ON t.id = m.opportunity_id
      WHERE m.status = 'approved' AND ${only.taken}
    ),
    taken_overall AS (
      SELECT practitioner_id, count(*) FILTER (WHERE decided_at > now() - interval '6 months')::int AS recently, max(decided_at) AS last_taken_at
      FROM taken GROUP BY practitioner_id
    ),
    taken_per_term AS (
      SELECT practitioner_id, term, count(*)::int AS taken FROM taken GROUP BY practitioner_id, term
    ),
    engaged AS (
      SELECT opportunity_id, practitioner_id FROM applications WHERE ${only.engaged}
      UNION SELECT opportunity_id, practitioner_id FROM matches WHERE ${only.engaged}
    ),
    pair AS (
      SELECT o.id AS opportunity_id, pr.id AS practitioner_id,
             CASE WHEN pr.specialisms && o.required_specialisms
                  THEN (SELECT count(*) FROM unnest(o.required_specialisms) AS r (code) WHERE r.code = ANY (pr.specialisms))::int
                  ELSE 0 END AS specialisms_covered,
             cardinality(o.required_specialisms) AS specialisms_required,
             (o.in_person_only * (pr.preferred_formats @> '{in_person}')::int
               + o.online_only * (pr.preferred_formats @> '{online}')::int
               + o.either * (pr.preferred_formats && '{in_person,online}')::int) AS sessions_in_preferred_format,
             o.sessions, o.formats,
             CASE WHEN pr.council_id = o.host_council_id THEN 'own_council'
                  WHEN pr.region = o.host_region THEN 'same_region'
                  ELSE 'none' END AS nearness,
             coalesce(overall.recently, 0) AS taken_recently,
             overall.last_taken_at,
             o.peps_stage::int AS peps_required, pr.peps_stage::int AS peps_stage
      FROM o CROSS JOIN pr
      LEFT JOIN taken_overall overall ON overall.practitioner_id = pr.id
      LEFT JOIN taken_per_term per_term ON per_term.practitioner_id = pr.id AND per_term.term = o.term
      WHERE ${qualifiedAndFree('o', 'pr')}
        AND coalesce(per_term.taken, 0) < pr.max_opportunities_per_term
        -- Uncorrelated, so PostgreSQL hashes it once rather than joining pair by pair.
        AND (o.id, pr.id) NOT IN (SELECT opportunity_id, practitioner_id FROM engaged)
    )
    SELECT pair.*, ${scoreSql('pair')} AS score FROM pair`;
}

/**
 * `scoreOf` in SQL, over a pair's factor columns: the same double-precision sums in the same order,
 * rounded to two decimals as stored.
 */
function scoreSql(pair: string): string {
  return `round((
      ${WEIGHTS.specialisms} * CASE WHEN ${pair}.specialisms_required = 0 THEN 1
                                  ELSE ${pair}.specialisms_covered::float8 / ${pair}.specialisms_required END
    + ${WEIGHTS.fairness}::float8 / (1 + ${pair}.taken_recently)
    + ${WEIGHTS.format} * CASE WHEN ${pair}.sessions = 0 THEN 0 ELSE ${pair}.sessions_in_preferred_format::float8 / ${pair}.sessions END
    + ${WEIGHTS.nearness} * CASE ${pair}.nearness WHEN 'own_council' THEN ${NEARNESS_SHARE.own_council}::float8
                                                 WHEN 'same_region' THEN ${NEARNESS_SHARE.same_region}::float8 ELSE 0 END
    + CASE WHEN ${pair}.peps_required IS NOT NULL AND ${pair}.peps_stage > ${pair}.peps_required THEN ${WEIGHTS.peps} ELSE 0 END
  )::numeric, 2)::float8`;
}
