import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Practitioners' applications to opportunities: one each per opportunity. */
export class Applications1764600000000 implements MigrationInterface {
  name = 'Applications1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities (id),
        practitioner_id uuid NOT NULL REFERENCES users (id),
        statement text NOT NULL,
        status text NOT NULL,
        submitted_at timestamptz(3) NOT NULL DEFAULT now(),
        withdrawn_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX applications_one_per_practitioner ON applications (opportunity_id, practitioner_id)`);
    await db.query(`CREATE INDEX applications_by_practitioner ON applications (practitioner_id, submitted_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE applications`);
  }
}
