import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Universities, councils, and the outbox and inbox that carry domain events to the workers. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE universities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_name text,
        website text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX universities_name_key ON universities (lower(name))`);
    await db.query(`CREATE INDEX universities_name_order ON universities (name, id)`);

    await db.query(`
      CREATE TABLE councils (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        region text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX councils_name_key ON councils (lower(name))`);
    await db.query(`CREATE INDEX councils_name_order ON councils (name, id)`);

    await db.query(`
      CREATE TABLE outbox_events (
        position bigint GENERATED ALWAYS AS IDENTITY,
        id uuid PRIMARY KEY,
        type text NOT NULL,
        version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        partnership_id uuid,
        actor_id uuid,
        correlation_id text NOT NULL,
        payload jsonb NOT NULL,
        dispatched_at timestamptz,
        dispatch_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay reads only undispatched rows, oldest first: keep that index small.
    await db.query(
      `CREATE INDEX outbox_events_pending ON outbox_events (position) WHERE dispatched_at IS NULL`,
    );
    await db.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_events', '');
        RETURN NULL;
      END $$`);
    // NOTIFY is delivered on commit, so a relay wakes exactly when new events become visible.
    await db.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);

    await db.query(`
      CREATE TABLE inbox_events (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inbox_events`);
    await db.query(`DROP TRIGGER outbox_events_notify ON outbox_events`);
    await db.query(`DROP FUNCTION notify_outbox()`);
    await db.query(`DROP TABLE outbox_events`);
    await db.query(`DROP TABLE councils`);
    await db.query(`DROP TABLE universities`);
  }
}
