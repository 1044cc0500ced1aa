import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Teaching partnerships and their member organisations (universities and councils). */
export class Partnerships1764100000000 implements MigrationInterface {
  name = 'Partnerships1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partnerships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX partnerships_name_key ON partnerships (lower(name))`);
    await db.query(`CREATE INDEX partnerships_name_order ON partnerships (name, id)`);

    // One column per kind of organisation, so each has a real foreign key; exactly one is set.
    await db.query(`
      CREATE TABLE partnership_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
        university_id uuid REFERENCES universities (id),
        council_id uuid REFERENCES councils (id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partnership_members_one_organisation CHECK ((university_id IS NULL) <> (council_id IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX partnership_members_university_key ON partnership_members (partnership_id, university_id)`);
    await db.query(`CREATE UNIQUE INDEX partnership_members_council_key ON partnership_members (partnership_id, council_id)`);
    // "Which partnerships is this organisation in?" is asked on every scoped request.
    await db.query(`CREATE INDEX partnership_members_by_university ON partnership_members (university_id) WHERE university_id IS NOT NULL`);
    await db.query(`CREATE INDEX partnership_members_by_council ON partnership_members (council_id) WHERE council_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partnership_members`);
    await db.query(`DROP TABLE partnerships`);
  }
}
