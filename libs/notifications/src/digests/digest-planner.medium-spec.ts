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
    await publishedIn(partnership, 'A research project', ago);
  }

  /** An open research opportunity of `partnership`, hosted by a university of its own, published `ago` seconds ago. */
  async function publishedIn(partnership: string, title: string, ago: number): Promise<void> {
    const university = await inserted(`INSERT INTO universities (name) VALUES ($1) RETURNING id`, [`University ${randomUUID()}`]);
    const academic = await inserted(
      `INSERT INTO users (email, display_name, role, university_id) VALUES ($1, 'An academic', 'academic', $2) RETURNING id`,
      [`${randomUUID()}@uea.example`, university],
    );
    const opportunity = await inserted(
      `INSERT INTO opportunities (partnership_id, host_university_id, type, title, description, status, capacity, required_specialisms,
         minimum_career_stage, closes_at, contact, created_by, first_session_at)
       VALUES ($1, $2, 'research', $4, 'Interviews with families', 'published', 2, '{}', 'student',
         now() + interval '30 days', 'research@uea.example', $3, now() + interval '40 days') RETURNING id`,
      [partnership, university, academic, title],
    );
    await dataSource.query(
      `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, partnership_id, correlation_id, payload)
       VALUES ($1, 'opportunity.published', 1, now() - make_interval(secs => $2), 'opportunity', $3, $4, 'planner-spec', '{}')`,
      [randomUUID(), ago, opportunity, partnership],
    );
  }

  /** Planned and rolled back: what the run would plan, leaving nothing behind. */
  async function plan(quietSeconds: number): Promise<number> {
    return (await planned([subscriptionId], quietSeconds)).count;
  }

  /** Planned for a batch and rolled back: how many, and the titles each subscription's digest lists. */
  async function planned(subscriptionIds: string[], quietSeconds: number): Promise<{ count: number; titles: Map<string, string[]> }> {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const count = await planDigests(runner.manager, { frequency: 'weekly', period: 'planner-spec', subscriptionIds }, links, quietSeconds);
      const digests: { subscriptionId: string; titles: string[] }[] = await runner.manager.query(
        `SELECT params ->> 'subscriptionId' AS "subscriptionId", ARRAY(SELECT item ->> 'title' FROM jsonb_array_elements(params -> 'opportunities') AS item ORDER BY 1) AS titles
         FROM sent_messages WHERE event_key LIKE 'digest-planner-spec-%'`,
      );
      return { count, titles: new Map(digests.map((digest) => [digest.subscriptionId, digest.titles])) };
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

  it("tells each subscriber in a batch of only what they may see: an address, public listings; a person, their partnerships'", async () => {
    const listed = await inserted(`INSERT INTO partnerships (name, lists_publicly) VALUES ('Listed', true) RETURNING id`);
    const unlisted = await inserted(`INSERT INTO partnerships (name, lists_publicly) VALUES ('Unlisted', false) RETURNING id`);
    const council = (name: string) => inserted(`INSERT INTO councils (name, kind, region) VALUES ($1, 'county', 'East') RETURNING id`, [name]);
    const memberCouncil = await council('Norfolk');
    const otherCouncil = await council('Suffolk');
    await dataSource.query(`INSERT INTO partnership_members (partnership_id, council_id) VALUES ($1, $2)`, [unlisted, memberCouncil]);
    await publishedIn(listed, 'Listed', 60);
    await publishedIn(unlisted, 'Unlisted', 60);
    const person = (role: string, councilId: string | null) =>
      inserted(`INSERT INTO users (email, display_name, role, council_id) VALUES ($1, 'A person', $2, $3) RETURNING id`, [`${randomUUID()}@example.org`, role, councilId]);
    const lead = await person('partnership_lead', null);
    await dataSource.query(`INSERT INTO partnership_leads (partnership_id, user_id) VALUES ($1, $2)`, [unlisted, lead]);
    const subscribers = {
      address: null,
      throughTheirCouncil: await person('practitioner', memberCouncil),
      leadingIt: lead,
      // Leads the listed partnership too, but only belongs to the unlisted one through their council.
      leadingOneBelongingToTheOther: await person('practitioner', memberCouncil),
      outsider: await person('practitioner', otherCouncil),
      admin: await person('admin', null),
    };
    await dataSource.query(`INSERT INTO partnership_leads (partnership_id, user_id) VALUES ($1, $2)`, [listed, subscribers.leadingOneBelongingToTheOther]);
    const subscriptions = new Map<string, string>();
    for (const [name, userId] of Object.entries(subscribers)) {
      subscriptions.set(
        name,
        await inserted(`INSERT INTO subscriptions (email, user_id, frequency, status) VALUES ($1, $2, 'weekly', 'confirmed') RETURNING id`, [
          `${randomUUID()}@example.org`,
          userId,
        ]),
      );
    }

    const { count, titles } = await planned([...subscriptions.values()], 0);
    const told = Object.fromEntries([...subscriptions].map(([name, id]) => [name, (titles.get(id) ?? []).filter((title) => /^(Un)?[Ll]isted$/.test(title))]));
    expect(told).toEqual({
      address: ['Listed'],
      throughTheirCouncil: ['Unlisted'],
      leadingIt: ['Unlisted'],
      leadingOneBelongingToTheOther: ['Listed', 'Unlisted'],
      outsider: [],
      admin: ['Listed', 'Unlisted'],
    });
    // The outsider is told of nothing at all, so has no digest.
    expect(titles.has(subscriptions.get('outsider')!)).toBe(false);
    expect(count).toBe(subscriptions.size - 1);
  });
});
