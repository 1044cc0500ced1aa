import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The list of people reads each person's newest open invitation. */
export class InvitationsByUser1765310000000 implements MigrationInterface {
  name = 'InvitationsByUser1765310000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX invitations_by_user ON invitations (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX invitations_by_user`);
  }
}
