import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Opportunities a partnership offers, and their sessions. */
export class Opportunities1764400000000 implements MigrationInterface {
  name = 'Opportunities1764400000000';

  async up(db: QueryRunner): Promise<void> {
    // The host is a university or a council of the partnership: one column each, for real foreign keys.
    await db.query(`
      CREATE TABLE opportunities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnerships (id),
        host_university_id uuid REFERENCES universities (id),
        host_council_id uuid REFERENCES councils (id),
        type text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        status text NOT NULL,
        capacity integer NOT NULL CHECK (capacity >= 1),
        required_specialisms text[] NOT NULL,
        minimum_career_stage text NOT NULL,
        peps_stage smallint,
        closes_at timestamptz NOT NULL,
        contact text NOT NULL,
        cancellation_reason text,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT opportunities_one_host CHECK ((host_university_id IS NULL) <> (host_council_id IS NULL)),
        CONSTRAINT opportunities_peps_for_practice_educators CHECK (type <> 'practice_educator' OR peps_stage IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX opportunities_by_partnership ON opportunities (partnership_id, status, closes_at)`);

    await db.query(`
      CREATE TABLE opportunity_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text,
        online_link text,
        CONSTRAINT opportunity_sessions_end_after_start CHECK (ends_at > starts_at),
        CONSTRAINT opportunity_sessions_somewhere CHECK (place IS NOT NULL OR online_link IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX opportunity_sessions_by_opportunity ON opportunity_sessions (opportunity_id, starts_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE opportunity_sessions`);
    await db.query(`DROP TABLE opportunities`);
  }
}
