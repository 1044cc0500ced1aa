import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A profile carries its practitioner's council, so ranking a partnership's practitioners reads one
 * table instead of joining every profile to its user.
 */
export class ProfileCouncils1764950000000 implements MigrationInterface {
  name = 'ProfileCouncils1764950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE practitioner_profiles ADD COLUMN council_id uuid REFERENCES councils (id)`);
    await db.query(`UPDATE practitioner_profiles p SET council_id = u.council_id FROM users u WHERE u.id = p.user_id`);
    await db.query(`ALTER TABLE practitioner_profiles ALTER COLUMN council_id SET NOT NULL`);
    await db.query(`CREATE INDEX practitioner_profiles_by_council ON practitioner_profiles (council_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE practitioner_profiles DROP COLUMN council_id`);
  }
}
