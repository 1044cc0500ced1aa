import type pg from 'pg';

const TYPES = ['teaching', 'interviewing', 'research', 'practice_educator'];
const SPECIALISMS = ['safeguarding', 'mental_health', 'children_and_families', 'adults', 'disability', 'youth_justice', 'fostering', 'domestic_abuse'];

/**
 * Three partnerships that list publicly (the subscribers have no account) with their organisations, `opportunities` published ones (each with its
 * opportunity.published event, already dispatched) and `subscribers` confirmed subscriptions with
 * filters varied by their number: none, types, specialisms, hosts, a partnership, or several.
 */
export async function seed(db: pg.Pool, { subscribers, opportunities }: { subscribers: number; opportunities: number }): Promise<void> {
  await db.query(`INSERT INTO universities (name) SELECT 'University ' || g FROM generate_series(1, 6) g`);
  await db.query(`INSERT INTO partnerships (name, lists_publicly) SELECT 'Partnership ' || g, true FROM generate_series(1, 3) g`);
  await db.query(`INSERT INTO users (email, display_name, role) VALUES ('admin@bench.example.org', 'Admin', 'admin')`);
  // Each opportunity is hosted by one of six universities, spread over the three partnerships.
  await db.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM universities),
          p AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM partnerships),
          creator AS (SELECT id FROM users LIMIT 1)
     INSERT INTO opportunities (partnership_id, host_university_id, type, title, description, status, capacity, required_specialisms,
       minimum_career_stage, peps_stage, closes_at, contact, created_by, first_session_at)
     SELECT p.id, u.id, ($2::text[])[1 + g % 4], 'Opportunity ' || g, 'A bench opportunity', 'published', 2,
       ARRAY[($3::text[])[1 + g % 8], ($3::text[])[1 + (g / 8) % 8]], 'student', CASE WHEN g % 4 = 3 THEN 1 END,
       now() + interval '20 days', 'Host', (SELECT id FROM creator), now() + (g || ' hours')::interval + interval '30 days'
     FROM generate_series(1, $1) g JOIN u ON u.n = 1 + g % 6 JOIN p ON p.n = 1 + g % 3`,
    [opportunities, TYPES, SPECIALISMS],
  );
  await db.query(
    `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, partnership_id, correlation_id, payload, dispatched_at)
     SELECT gen_random_uuid(), 'opportunity.published', 1, now() - interval '1 hour', 'opportunity', id::text, partnership_id, 'bench',
       jsonb_build_object('opportunityId', id, 'partnershipId', partnership_id, 'type', type, 'title', title, 'status', status), now()
     FROM opportunities ORDER BY title`,
  );
  await db.query(
    `WITH u AS (SELECT array_agg(id ORDER BY name) AS ids FROM universities), p AS (SELECT array_agg(id ORDER BY name) AS ids FROM partnerships)
     INSERT INTO subscriptions (email, frequency, types, host_organisation_ids, specialisms, partnership_id, status, confirmed_at)
     SELECT 'subscriber' || g || '@bench.example.org', 'daily',
       CASE WHEN g % 5 IN (1, 4) THEN ARRAY[($2::text[])[1 + g % 4]] ELSE '{}' END,
       CASE WHEN g % 7 = 2 THEN ARRAY[u.ids[1 + g % 6], u.ids[1 + (g + 1) % 6]] ELSE '{}' END,
       CASE WHEN g % 3 = 1 THEN ARRAY[($3::text[])[1 + g % 8]] ELSE '{}' END,
       CASE WHEN g % 11 = 5 THEN p.ids[1 + g % 3] END,
       'confirmed', now()
     FROM generate_series(1, $1) g, u, p`,
    [subscribers, TYPES, SPECIALISMS],
  );
  await db.query('ANALYZE');
}
