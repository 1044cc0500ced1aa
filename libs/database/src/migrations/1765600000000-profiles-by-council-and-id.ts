import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Profiles by council, then id: the best-fit shortcut for a council's opportunity reads that council's
 * practitioners in id order, instead of walking every profile by id and skipping the other councils'.
 * Ranking a whole partnership by council reads it as before.
 */
export class ProfilesByCouncilAndId1765600000000 implements MigrationInterface {
  name = 'ProfilesByCouncilAndId1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX practitioner_profiles_by_council`);
    await db.query(`CREATE INDEX practitioner_profiles_by_council ON practitioner_profiles (council_id, user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX practitioner_profiles_by_council`);
    await db.query(`CREATE INDEX practitioner_profiles_by_council ON practitioner_profiles (council_id)`);
  }
}
