import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's sign-ins end when their access changes: their role, password or organisation changes,
 * their organisation leaves a partnership, or they stand down as a lead. (Removing the person
 * removes their tokens by cascade.) Triggers rather than the commands that make the changes:
 * roles, passwords and people are also changed straight in the database, a partnership removed
 * takes its members and leads with it, and the trigger commits or rolls back with the change
 * however it was made; the caller cache hears of the same changes the same way
 * (migration 1764820000000).
 */
export class RefreshTokenRevocation1765210000000 implements MigrationInterface {
  name = 'RefreshTokenRevocation1765210000000';

  async up(db: QueryRunner): Promise<void> {
    // Locked first, in id order, then revoked by a second statement, whose fresh snapshot sees the
    // successor a refresh in flight adds (libs/identity/src/refresh-tokens.ts does the same).
    await db.query(`
      CREATE FUNCTION revoke_refresh_tokens_of(people uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM refresh_tokens WHERE user_id = ANY (people) AND revoked_at IS NULL ORDER BY id FOR UPDATE;
        UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ANY (people) AND revoked_at IS NULL;
      END $$`);

    await db.query(`
      CREATE FUNCTION revoke_refresh_tokens_of_changed_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM revoke_refresh_tokens_of(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER users_revoke_refresh_tokens AFTER UPDATE OF role, password_hash, university_id, council_id ON users
      FOR EACH ROW WHEN (
        OLD.role IS DISTINCT FROM NEW.role OR OLD.password_hash IS DISTINCT FROM NEW.password_hash OR
        OLD.university_id IS DISTINCT FROM NEW.university_id OR OLD.council_id IS DISTINCT FROM NEW.council_id
      ) EXECUTE FUNCTION revoke_refresh_tokens_of_changed_user()`);

    await db.query(`
      CREATE FUNCTION revoke_refresh_tokens_of_removed_lead() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM revoke_refresh_tokens_of(ARRAY[OLD.user_id]);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER partnership_leads_revoke_refresh_tokens AFTER DELETE OR UPDATE ON partnership_leads
      FOR EACH ROW EXECUTE FUNCTION revoke_refresh_tokens_of_removed_lead()`);

    await db.query(`
      CREATE FUNCTION revoke_refresh_tokens_of_removed_member() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM revoke_refresh_tokens_of(ARRAY(
          SELECT id FROM users WHERE council_id = OLD.council_id
          UNION ALL
          SELECT id FROM users WHERE university_id = OLD.university_id
        ));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER partnership_members_revoke_refresh_tokens AFTER DELETE OR UPDATE ON partnership_members
      FOR EACH ROW EXECUTE FUNCTION revoke_refresh_tokens_of_removed_member()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER partnership_members_revoke_refresh_tokens ON partnership_members`);
    await db.query(`DROP FUNCTION revoke_refresh_tokens_of_removed_member()`);
    await db.query(`DROP TRIGGER partnership_leads_revoke_refresh_tokens ON partnership_leads`);
    await db.query(`DROP FUNCTION revoke_refresh_tokens_of_removed_lead()`);
    await db.query(`DROP TRIGGER users_revoke_refresh_tokens ON users`);
    await db.query(`DROP FUNCTION revoke_refresh_tokens_of_changed_user()`);
    await db.query(`DROP FUNCTION revoke_refresh_tokens_of(uuid[])`);
  }
}
