import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Email subscriptions to new opportunities: filters, double opt-in, and what each was last told about. */
export class Subscriptions1765100000000 implements MigrationInterface {
  name = 'Subscriptions1765100000000';

  async up(db: QueryRunner): Promise<void> {
    // last_position: the outbox position of the last opportunity.published a digest covered.
    await db.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        frequency text NOT NULL CHECK (frequency IN ('instant', 'daily', 'weekly')),
        types text[] NOT NULL DEFAULT '{}',
        host_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        specialisms text[] NOT NULL DEFAULT '{}',
        partnership_id uuid REFERENCES partnerships (id),
        status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
        last_position bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        cancelled_at timestamptz
      )`);
    await db.query(`CREATE INDEX subscriptions_by_email ON subscriptions (lower(email))`);
    await db.query(`CREATE INDEX subscriptions_by_user ON subscriptions (user_id) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE INDEX subscriptions_confirmed ON subscriptions (frequency, id) WHERE status = 'confirmed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE subscriptions`);
  }
}
