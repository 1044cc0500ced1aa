import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['users', 'partnership_members', 'partnership_leads'];

/**
 * The API caches who each caller is and which partnerships they work in; any change to those tables
 * NOTIFYs every API process on commit, so a removed member or a changed role takes effect at once.
 */
export class CallerAccessNotify1764820000000 implements MigrationInterface {
  name = 'CallerAccessNotify1764820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_caller_access() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('caller_access', '');
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await db.query(`
        CREATE TRIGGER ${table}_notify_caller_access AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION notify_caller_access()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of TABLES) await db.query(`DROP TRIGGER ${table}_notify_caller_access ON ${table}`);
    await db.query(`DROP FUNCTION notify_caller_access()`);
  }
}
