import argon2 from 'argon2';
import pg from 'pg';

export const PRACTITIONER = { email: 'bench.practitioner@example.org', password: 'bench-password-2026' };

/**
 * One partnership with 10,000 published opportunities of all types (words drawn from a small list, so a
 * text query matches a realistic share) and a practitioner who could join most of them.
 */
export async function seedOpportunities(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const hash = await argon2.hash(PRACTITIONER.password, { type: argon2.argon2id });
    await client.query(`
      WITH uni AS (INSERT INTO universities (name) VALUES ('University of Benchmarks') RETURNING id),
           council AS (INSERT INTO councils (name, kind, region) VALUES ('Bench County Council', 'county', 'east_of_england') RETURNING id),
           partnership AS (INSERT INTO partnerships (name) VALUES ('Bench Partnership') RETURNING id),
           members AS (
             INSERT INTO partnership_members (partnership_id, university_id, council_id)
             SELECT p.id, u.id, NULL FROM partnership p, uni u UNION ALL SELECT p.id, NULL, c.id FROM partnership p, council c),
           admin AS (INSERT INTO users (email, display_name, role) VALUES ('bench.admin@example.org', 'Bench admin', 'admin') RETURNING id),
           practitioner AS (
             INSERT INTO users (email, display_name, role, council_id, password_hash)
             SELECT $1, 'Bench practitioner', 'practitioner', id, $2 FROM council RETURNING id, council_id)
      INSERT INTO practitioner_profiles (user_id, council_id, career_stage, peps_stage, specialisms, available_weekdays, unavailable_periods, preferred_formats, max_opportunities_per_term)
      SELECT id, council_id, 'senior_practitioner', 2, ARRAY['child_protection'], ARRAY[1,2,3,4,5]::smallint[], '[]', ARRAY['online'], 3 FROM practitioner`,
      [PRACTITIONER.email, hash],
    );
    await client.query(
      `WITH words AS (SELECT ARRAY['child','protection','court','skills','fostering','adoption','mental','health','disability','youth','justice',
                                   'domestic','abuse','adults','safeguarding','assessment','seminar','lecture','workshop','interview'] AS w),
            made AS (
              INSERT INTO opportunities (partnership_id, host_university_id, type, title, description, status, capacity, required_specialisms,
                                         minimum_career_stage, peps_stage, closes_at, first_session_at, contact, created_by)
              SELECT p.id, u.id,
                     (ARRAY['teaching','interviewing','research','practice_educator'])[1 + n % 4],
                     initcap(w[1 + (n * 7) % 20] || ' ' || w[1 + (n * 13) % 20] || ' ' || w[1 + (n * 3) % 20]),
                     'A session on ' || w[1 + (n * 11) % 20] || ' and ' || w[1 + (n * 17) % 20] || ' for social work students and practitioners.',
                     'published', 1 + n % 5, ARRAY[(ARRAY['child_protection','mental_health','disability','domestic_abuse'])[1 + n % 4]],
                     (ARRAY['student','asye','social_worker','senior_practitioner'])[1 + n % 4], CASE WHEN n % 4 = 3 THEN 1 END,
                     now() + (n % 300 + 10) * interval '1 day', now() + (n % 300 + 20) * interval '1 day', 'Bench', a.id
                FROM generate_series(1, $1) AS n, words, partnerships p, universities u, users a
               WHERE a.email = 'bench.admin@example.org'
              RETURNING id, first_session_at)
       INSERT INTO opportunity_sessions (opportunity_id, starts_at, ends_at, place)
       SELECT id, first_session_at, first_session_at + interval '2 hours', 'Bench room' FROM made`,
      [count],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
