import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Recommendations: the matching worker's ranked practitioners per open opportunity, with reasons. */
export class Recommendations1764900000000 implements MigrationInterface {
  name = 'Recommendations1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE recommendations (
        opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        practitioner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        score double precision NOT NULL,
        reasons text[] NOT NULL,
        factors jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (opportunity_id, practitioner_id)
      )`);
    await db.query(`CREATE INDEX recommendations_by_practitioner ON recommendations (practitioner_id, score)`);
    // Ranking finds a partnership's practitioners by council, and excludes anyone ever matched to the opportunity.
    await db.query(`CREATE INDEX users_by_council ON users (council_id) WHERE council_id IS NOT NULL`);
    await db.query(`CREATE INDEX matches_by_opportunity ON matches (opportunity_id, practitioner_id)`);
    // The academic term a moment falls in, by its date in London: autumn from 1 September, spring from
    // 1 January, summer from 1 April. Written without FROM so the planner inlines it.
    await db.query(`
      CREATE FUNCTION academic_term(at timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT make_date(
          extract(year FROM at AT TIME ZONE 'Europe/London')::int,
          CASE WHEN extract(month FROM at AT TIME ZONE 'Europe/London') >= 9 THEN 9
               WHEN extract(month FROM at AT TIME ZONE 'Europe/London') >= 4 THEN 4
               ELSE 1 END,
          1)
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION academic_term(timestamptz)`);
    await db.query(`DROP INDEX matches_by_opportunity`);
    await db.query(`DROP INDEX users_by_council`);
    await db.query(`DROP TABLE recommendations`);
  }
}
