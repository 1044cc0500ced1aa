import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { planDigests } from './digest-planner.js';

/** The planner's SQL against a real database: which publications a digest takes, and when. */
describe('planning digests', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let subscriptionId: string;
  const links = { opportunity: 'https://tpm.example.org/o/', all: 'https://tpm.example.org' };

  /** Inserts one row and answers its id. */
  async function inserted(sql: string, params: unknown[] = []): Promise<string> {
    const [row] = await dataSource.query<{ id: string }[]>(sql, params);
    if (!row) throw new Error(`Nothing inserted: ${sql}`);
    return row.id;
  }

  /** An open research opportunity of a publicly listed partnership, published `ago` seconds ago. */
  async function published(ago: number): Promise<void> {
    const partnership = await inserted(`INSERT INTO partnerships (name, lists_publicly) VALUES ('Norfolk and Suffolk', true) RETURNING id`);
    const university = await inserted(`INSERT INTO universities (name) VALUES ('UEA') RETURNING id`);
    const academic = await inserted(
      `INSERT INTO users (email, display_name, role, university_id) VALUES ($1, 'An academic', 'academic', $2) RETURNING id`,
      [`${randomUUID()}@uea.example`, university],
    );
    const opportunity = await inserted(
      `INSERT INTO opportunities (partnership_id, host_university_id, type, title, description, status, capacity, required_specialisms,
         minimum_career_stage, closes_at, contact, created_by, first_session_at)
       VALUES ($1, $2, 'research', 'A research project', 'Interviews with families', 'published', 2, '{}', 'student',
         now() + interval '30 days', 'research@uea.example', $3, now() + interval '40 days') RETURNING id`,
      [partnership, university, academic],
    );
    await dataSource.query(
      `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, partnership_id, correlation_id, payload)
       VALUES ($1, 'opportunity.published', 1, now() - make_interval(secs => $2), 'opportunity', $3, $4, 'planner-spec', '{}')`,
      [randomUUID(), ago, opportunity, partnership],
    );
  }

  /** Planned and rolled back: what the run would plan, leaving nothing behind. */
  async function plan(quietSeconds: number): Promise<number> {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      return await planDigests(runner.manager, { frequency: 'weekly', period: 'planner-spec', subscriptionIds: [subscriptionId] }, links, quietSeconds);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
    [{ id: subscriptionId }] = await dataSource.query(
      `INSERT INTO subscriptions (email, frequency, status, types) VALUES ('weekly@example.org', 'weekly', 'confirmed', '{research}') RETURNING id`,
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('leaves publications younger than the quiet window for the next digest', async () => {
    await published(10);
    expect(await plan(3600)).toBe(0);
    expect(await plan(0)).toBe(1);
  });
});
