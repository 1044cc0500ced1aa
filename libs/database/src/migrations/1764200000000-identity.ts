import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People who sign in, their invitations, and the leads of each partnership. */
export class Identity1764200000000 implements MigrationInterface {
  name = 'Identity1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // Academics belong to a university and practitioners to a council; admins and leads to neither.
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL,
        university_id uuid REFERENCES universities (id),
        council_id uuid REFERENCES councils (id),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_role_organisation CHECK (
          (role = 'academic' AND university_id IS NOT NULL AND council_id IS NULL) OR
          (role = 'practitioner' AND council_id IS NOT NULL AND university_id IS NULL) OR
          (role IN ('admin', 'partnership_lead') AND university_id IS NULL AND council_id IS NULL)
        )
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        invited_by uuid REFERENCES users (id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash)`);

    await db.query(`
      CREATE TABLE partnership_leads (
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        appointed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (partnership_id, user_id)
      )`);
    await db.query(`CREATE INDEX partnership_leads_by_user ON partnership_leads (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partnership_leads`);
    await db.query(`DROP TABLE invitations`);
    await db.query(`DROP TABLE users`);
  }
}
