import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh tokens, only their hashes. Each sign-in starts a family; every refresh uses one token up
 * and adds its successor, so a used token presented again shows the family was copied.
 */
export class RefreshTokens1765200000000 implements MigrationInterface {
  name = 'RefreshTokens1765200000000';

  async up(db: QueryRunner): Promise<void> {
    // family_expires_at is repeated on every row so that checking a token reads one row.
    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        family_expires_at timestamptz NOT NULL,
        used_at timestamptz,
        replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
        revoked_at timestamptz,
        CONSTRAINT refresh_tokens_within_family CHECK (expires_at <= family_expires_at)
      )`);
    await db.query(`CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash)`);
    await db.query(`CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_by_user ON refresh_tokens (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE refresh_tokens`);
  }
}
