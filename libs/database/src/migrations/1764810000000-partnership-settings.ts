import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partnership settings: whether host academics may propose matches (off until a lead turns it on). */
export class PartnershipSettings1764810000000 implements MigrationInterface {
  name = 'PartnershipSettings1764810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partnerships ADD COLUMN academics_may_propose_matches boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partnerships DROP COLUMN academics_may_propose_matches`);
  }
}
