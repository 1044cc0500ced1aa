import type pg from 'pg';

/**
 * One partnership: a university, five councils in two regions, and open opportunities of all four
 * types on weekdays over the coming months, each with one or two sessions.
 */
export async function seedPartnership(client: pg.Client, opportunities: number): Promise<void> {
  await client.query(`
    WITH uni AS (INSERT INTO universities (name) VALUES ('University of Benchmarks') RETURNING id),
         councils AS (
           INSERT INTO councils (name, kind, region)
           SELECT 'Bench Council ' || n, 'county', CASE WHEN n <= 3 THEN 'east_of_england' ELSE 'east_midlands' END
           FROM generate_series(1, 5) AS n RETURNING id),
         partnership AS (INSERT INTO partnerships (name) VALUES ('Bench Partnership') RETURNING id),
         members AS (
           INSERT INTO partnership_members (partnership_id, university_id, council_id)
           SELECT p.id, u.id, NULL FROM partnership p, uni u UNION ALL SELECT p.id, NULL, c.id FROM partnership p, councils c)
    INSERT INTO users (email, display_name, role) VALUES ('bench.lead@example.org', 'Bench lead', 'partnership_lead')`);
  await client.query(
    `WITH made AS (
       INSERT INTO opportunities (partnership_id, host_university_id, host_council_id, type, title, description, status, capacity,
                                  required_specialisms, minimum_career_stage, peps_stage, closes_at, first_session_at, contact, created_by)
       SELECT p.id, CASE WHEN n % 3 = 0 THEN NULL ELSE u.id END, CASE WHEN n % 3 = 0 THEN c.id END,
              (ARRAY['teaching','interviewing','research','practice_educator'])[1 + n % 4], 'Bench opportunity ' || n, 'For the benchmark.',
              'published', 1 + n % 5,
              CASE n % 4 WHEN 0 THEN ARRAY['child_protection'] WHEN 1 THEN ARRAY['mental_health','disability'] WHEN 2 THEN ARRAY[]::text[]
                         ELSE ARRAY['domestic_abuse','child_protection','youth_justice'] END,
              (ARRAY['student','asye','social_worker','senior_practitioner'])[1 + n % 4], CASE WHEN n % 4 = 3 THEN 1 + n % 2 END,
              now() + interval '7 days',
              -- Tuesdays to Thursdays, 10:00, spread over the next 20 weeks.
              date_trunc('week', now()) + (2 + n % 20) * interval '1 week' + (1 + n % 3) * interval '1 day' + interval '10 hours',
              'Bench', lead.id
       FROM generate_series(1, $1) AS n
       CROSS JOIN partnerships p CROSS JOIN universities u
       CROSS JOIN LATERAL (SELECT id FROM councils ORDER BY name OFFSET n % 5 LIMIT 1) AS c
       CROSS JOIN (SELECT id FROM users WHERE email = 'bench.lead@example.org') AS lead
       RETURNING id, first_session_at)
     INSERT INTO opportunity_sessions (opportunity_id, starts_at, ends_at, place, online_link)
     SELECT id, first_session_at + k * interval '7 days', first_session_at + k * interval '7 days' + interval '2 hours',
            CASE WHEN k = 0 THEN 'Bench room' END, CASE WHEN k = 1 OR abs(hashtext(id::text)) % 3 = 0 THEN 'https://meet.example.org/bench' END
     FROM made CROSS JOIN generate_series(0, abs(hashtext(id::text)) % 2) AS k`,
    [opportunities],
  );
}

/**
 * Practitioners `from`..`to` spread over the councils, with varied stages, specialisms, availability
 * and formats; one in twenty has taken an opportunity (an approved match) in the last few months.
 */
export async function seedPractitioners(client: pg.Client, from: number, to: number): Promise<void> {
  await client.query(
    `WITH made AS (
       INSERT INTO users (email, display_name, role, council_id)
       SELECT 'bench.practitioner' || n || '@example.org', 'Practitioner ' || n, 'practitioner', c.id
       FROM generate_series($1::int, $2::int) AS n
       CROSS JOIN LATERAL (SELECT id FROM councils ORDER BY name OFFSET n % 5 LIMIT 1) AS c
       RETURNING id, email, council_id)
     INSERT INTO practitioner_profiles (user_id, council_id, career_stage, peps_stage, years_qualified, specialisms, available_weekdays,
                                        unavailable_periods, preferred_formats, max_opportunities_per_term)
     SELECT id, council_id,
            (ARRAY['student','asye','social_worker','senior_practitioner','advanced_practitioner','team_manager','principal_social_worker'])[1 + h % 7],
            h % 3, h % 25,
            ARRAY[(ARRAY['child_protection','fostering_and_adoption','mental_health','disability','youth_justice','domestic_abuse','adult_safeguarding'])[1 + h % 7],
                  (ARRAY['child_protection','mental_health','domestic_abuse'])[1 + (h / 7) % 3]],
            CASE (h / 3) % 4 WHEN 0 THEN '{1,2,3,4,5}'::smallint[] WHEN 1 THEN '{2,3,4}' WHEN 2 THEN '{1,3,5}' ELSE '{2,4}' END,
            CASE WHEN h % 10 = 0 THEN jsonb_build_array(jsonb_build_object('from', to_char(now() + (h % 60) * interval '1 day', 'YYYY-MM-DD'),
                                                                          'to', to_char(now() + (h % 60 + 14) * interval '1 day', 'YYYY-MM-DD')))
                 ELSE '[]'::jsonb END,
            CASE (h / 5) % 3 WHEN 0 THEN '{in_person,online}'::text[] WHEN 1 THEN '{online}' ELSE '{in_person}' END,
            1 + h % 3
     FROM made CROSS JOIN LATERAL (SELECT abs(hashtext(email)) AS h) AS hashed`,
    [from, to],
  );
  await client.query(
    `INSERT INTO matches (opportunity_id, practitioner_id, status, proposed_by, decided_by, decided_at)
     SELECT o.id, u.id, 'approved', lead.id, lead.id, now() - (abs(hashtext(u.email)) % 240) * interval '1 day'
     FROM users u
     CROSS JOIN (SELECT id FROM users WHERE email = 'bench.lead@example.org') AS lead
     CROSS JOIN LATERAL (SELECT id FROM opportunities ORDER BY id OFFSET abs(hashtext(u.email)) % 1000 LIMIT 1) AS o
     WHERE u.role = 'practitioner' AND abs(hashtext(u.email)) % 20 = 0
       AND substring(u.email FROM 'practitioner(\\d+)@')::int BETWEEN $1 AND $2`,
    [from, to],
  );
  await client.query('ANALYZE');
}

/** Fills every opportunity's list with `perOpportunity` practitioners, as after the worker has run for a while. */
export async function seedRecommendations(client: pg.Client, perOpportunity: number): Promise<void> {
  await client.query('TRUNCATE recommendations');
  await client.query(
    `INSERT INTO recommendations (opportunity_id, practitioner_id, score, reasons, factors)
     SELECT o.id, p.id, 50 + (abs(hashtext(o.id::text || p.id::text)) % 5000) / 100.0, ARRAY['seeded'], '{}'
     FROM opportunities o
     CROSS JOIN LATERAL (SELECT id FROM users WHERE role = 'practitioner' OFFSET abs(hashtext(o.id::text)) % 5000 LIMIT $1) AS p`,
    [perOpportunity],
  );
  await client.query('ANALYZE recommendations');
}
