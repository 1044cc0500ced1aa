import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in rate limits when the queues live in PostgreSQL (QUEUE_BACKEND=postgres, no Redis): one
 * row a key, counting hits in a fixed window, and until when the key is blocked. A row is of no use
 * once both have passed (`expires_at`), and is deleted lazily.
 */
export class RateLimits1765500000000 implements MigrationInterface {
  name = 'RateLimits1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz,
        expires_at timestamptz GENERATED ALWAYS AS (greatest(window_ends_at, blocked_until)) STORED
      )`);
    await db.query(`CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
  }
}
