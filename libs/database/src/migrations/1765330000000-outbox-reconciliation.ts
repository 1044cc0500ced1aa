import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reconciler looks for events dispatched a few minutes to a day ago that a consumer group has not handled. */
export class OutboxReconciliation1765330000000 implements MigrationInterface {
  name = 'OutboxReconciliation1765330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX outbox_events_dispatched ON outbox_events (dispatched_at) WHERE dispatched_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_events_dispatched`);
  }
}
