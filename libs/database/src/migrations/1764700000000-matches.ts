import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Matches: a practitioner proposed for an opportunity, then approved (taking a place) or rejected. */
export class Matches1764700000000 implements MigrationInterface {
  name = 'Matches1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities (id),
        practitioner_id uuid NOT NULL REFERENCES users (id),
        application_id uuid REFERENCES applications (id),
        status text NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users (id),
        decided_by uuid REFERENCES users (id),
        note text,
        proposed_at timestamptz(3) NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    // A practitioner is proposed or approved at most once per opportunity; after a rejection they may be proposed again.
    await db.query(`
      CREATE UNIQUE INDEX matches_one_live_per_practitioner ON matches (opportunity_id, practitioner_id)
      WHERE status IN ('proposed', 'approved')`);
    await db.query(`CREATE INDEX matches_by_practitioner ON matches (practitioner_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE matches`);
  }
}
