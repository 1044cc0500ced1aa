import type { MigrationInterface, QueryRunner } from 'typeorm';

const BASE_SPECIALISMS: [string, string][] = [
  ['child_protection', 'Child protection'],
  ['fostering_and_adoption', 'Fostering and adoption'],
  ['mental_health', 'Mental health'],
  ['disability', 'Disability'],
  ['youth_justice', 'Youth justice'],
  ['domestic_abuse', 'Domestic abuse'],
  ['adult_safeguarding', 'Adult safeguarding'],
];

/** Practitioners' profiles and the vocabulary of specialisms (shared, and each partnership's own additions). */
export class PractitionerProfiles1764300000000 implements MigrationInterface {
  name = 'PractitionerProfiles1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE specialisms (
        code text PRIMARY KEY,
        label text NOT NULL,
        partnership_id uuid REFERENCES partnerships (id) ON DELETE CASCADE
      )`);
    for (const [code, label] of BASE_SPECIALISMS) {
      await db.query(`INSERT INTO specialisms (code, label) VALUES ($1, $2)`, [code, label]);
    }

    await db.query(`
      CREATE TABLE practitioner_profiles (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        career_stage text NOT NULL,
        peps_stage smallint NOT NULL,
        years_qualified smallint,
        specialisms text[] NOT NULL,
        available_weekdays smallint[] NOT NULL,
        unavailable_periods jsonb NOT NULL,
        preferred_formats text[] NOT NULL,
        max_opportunities_per_term smallint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Matching filters practitioners by specialism and stage.
    await db.query(`CREATE INDEX practitioner_profiles_specialisms ON practitioner_profiles USING gin (specialisms)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE practitioner_profiles`);
    await db.query(`DROP TABLE specialisms`);
  }
}
