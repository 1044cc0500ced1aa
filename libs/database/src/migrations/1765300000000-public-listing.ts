import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a partnership lists its open opportunities publicly (off until a lead turns it on). */
export class PublicListing1765300000000 implements MigrationInterface {
  name = 'PublicListing1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partnerships ADD COLUMN lists_publicly boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX partnerships_listed_publicly ON partnerships (name, id) WHERE lists_publicly`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partnerships DROP COLUMN lists_publicly`);
  }
}
