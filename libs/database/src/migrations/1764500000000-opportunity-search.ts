import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finding opportunities: full-text search, the first session's start for sorting, and an index behind every filter. */
export class OpportunitySearch1764500000000 implements MigrationInterface {
  name = 'OpportunitySearch1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE opportunities ADD COLUMN first_session_at timestamptz`);
    await db.query(`UPDATE opportunities o SET first_session_at = (SELECT min(starts_at) FROM opportunity_sessions s WHERE s.opportunity_id = o.id)`);
    await db.query(`ALTER TABLE opportunities ALTER COLUMN first_session_at SET NOT NULL`);
    // Millisecond precision, as JavaScript dates have: a "newest first" cursor then round-trips exactly.
    await db.query(`ALTER TABLE opportunities ALTER COLUMN created_at TYPE timestamptz(3)`);
    // An expression index rather than a stored column: the search matches this exact expression.
    await db.query(`
      CREATE INDEX opportunities_search ON opportunities USING gin (
        (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B'))
      )`);
    await db.query(`CREATE INDEX opportunities_by_first_session ON opportunities (partnership_id, first_session_at, id)`);
    await db.query(`CREATE INDEX opportunities_by_created ON opportunities (partnership_id, created_at, id)`);
    await db.query(`CREATE INDEX opportunities_by_closing ON opportunities (partnership_id, closes_at, id)`);
    await db.query(`CREATE INDEX opportunities_by_type ON opportunities (type)`);
    await db.query(`CREATE INDEX opportunities_by_host_university ON opportunities (host_university_id)`);
    await db.query(`CREATE INDEX opportunities_by_host_council ON opportunities (host_council_id)`);
    await db.query(`CREATE INDEX opportunities_specialisms ON opportunities USING gin (required_specialisms)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'opportunities_specialisms',
      'opportunities_by_host_council',
      'opportunities_by_host_university',
      'opportunities_by_type',
      'opportunities_by_closing',
      'opportunities_by_created',
      'opportunities_by_first_session',
      'opportunities_search',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    await db.query(`ALTER TABLE opportunities ALTER COLUMN created_at TYPE timestamptz`);
    await db.query(`ALTER TABLE opportunities DROP COLUMN first_session_at`);
  }
}
