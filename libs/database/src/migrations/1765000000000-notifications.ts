import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Email: every message recorded before it is sent, addresses that bounced for good, people's email preferences. */
export class Notifications1765000000000 implements MigrationInterface {
  name = 'Notifications1765000000000';

  async up(db: QueryRunner): Promise<void> {
    // event_key is the event id, or a digest's period and subscription: one message per key, recipient and template.
    await db.query(`
      CREATE TABLE sent_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_key text NOT NULL,
        recipient text NOT NULL,
        template text NOT NULL,
        params jsonb NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sent', 'bounced', 'suppressed', 'opted_out')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX sent_messages_key ON sent_messages (event_key, lower(recipient), template)`);
    await db.query(`CREATE INDEX sent_messages_pending ON sent_messages (event_key) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX sent_messages_by_recipient ON sent_messages (lower(recipient), created_at)`);
    await db.query(`
      CREATE TABLE email_suppressions (
        email text PRIMARY KEY CHECK (email = lower(email)),
        reason text NOT NULL,
        smtp_response text,
        suppressed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE email_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE email_preferences`);
    await db.query(`DROP TABLE email_suppressions`);
    await db.query(`DROP TABLE sent_messages`);
  }
}
