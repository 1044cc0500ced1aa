import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { bestFits, recommendForOpportunity, recommendForPractitioner } from '#libs/matching';
import { councilRequest, eventually, onWeekday, opportunityRequest, profileRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const LIMIT = 3;
const session = onWeekday(2, 35);

/**
 * Recommendations stay right whatever the delivery: events handled twice, and several workers (or
 * transactions) ranking the same opportunity and its practitioners at once.
 */
describe('recommendations under redelivery and concurrency', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let lead: Person;
  let partnership: string;
  let council: string;
  let practitioners: Person[];
  let dataSource: DataSource;

  const listOf = (opportunityId: string) =>
    stack.query<{ practitioner_id: string; score: number; reasons: string[] }>(
      'SELECT practitioner_id, score, reasons FROM recommendations WHERE opportunity_id = $1 ORDER BY score DESC, practitioner_id',
      [opportunityId],
    );

  async function published(overrides: Record<string, unknown> = {}): Promise<string> {
    const request = opportunityRequest(partnership, {
      hostOrganisationId: council,
      sessions: [{ startsAt: session, endsAt: session.replace('T10:', 'T12:'), place: 'County Hall' }],
      ...overrides,
    });
    const id = (await lead.http.post('/api/opportunities').send(request).expect(201)).body.id as string;
    await lead.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }

  const matchingCaughtUp = () => stack.caughtUp('matching');

  /** The list a single, uncontended ranking gives now. */
  async function freshList(opportunityId: string) {
    await dataSource.transaction((transaction) => recommendForOpportunity(transaction, opportunityId, LIMIT));
    return listOf(opportunityId);
  }

  beforeAll(async () => {
    stack = await TestStack.create({ RECOMMENDATIONS_PER_OPPORTUNITY: LIMIT, WORKER_CONCURRENCY: 4 });
    ({ app, http: admin } = await stack.startApi());
    council = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const university = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    partnership = (await admin.post('/api/partnerships').send({ name: 'P', universityIds: [university], councilIds: [council] }).expect(201)).body.id;
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnership}/leads`).send({ userId: lead.id }).expect(201);
    const specialisms = [[], ['child_protection'], ['mental_health'], ['child_protection', 'mental_health']];
    practitioners = [];
    for (let i = 0; i < 8; i++) {
      const person = await personWith(app, admin, 'practitioner', { councilId: council });
      await person.http.put('/api/me/profile').send(profileRequest({ specialisms: specialisms[i % 4], preferredFormats: i % 3 ? ['in_person'] : ['online'] })).expect(200);
      practitioners.push(person);
    }
    dataSource = new DataSource(dataSourceOptions({ url: stack.database.url, poolSize: 30 }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await stack.close();
  });

  it('gives the same list when an event is handled again', async () => {
    await stack.startWorker('matching');
    const opportunity = await published({ requiredSpecialisms: ['child_protection', 'mental_health'] });
    await matchingCaughtUp();
    const first = await listOf(opportunity);
    expect(first).toHaveLength(LIMIT);

    const [row] = await stack.query<Record<string, unknown>>(
      `SELECT id, type, version, occurred_at AS "occurredAt", aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
              partnership_id AS "partnershipId", actor_id AS "actorId", correlation_id AS "correlationId", payload
       FROM outbox_events WHERE type = 'opportunity.published' AND aggregate_id = $1`,
      [opportunity],
    );
    const envelope = { ...row, occurredAt: (row!.occurredAt as Date).toISOString() };
    const queue = stack.queue('matching');

    // Delivered again while the inbox remembers it: skipped.
    const duplicate = await queue.add('opportunity.published', envelope, { jobId: `${String(row!.id)}-again` });
    await eventually(async () => expect(await duplicate.getState()).toBe('completed'));
    expect((await queue.getJob(duplicate.id!))!.returnvalue).toBe('duplicate');

    // Handled for real a second time (as after an inbox clean-up): the same list.
    await stack.query(`DELETE FROM inbox_events WHERE consumer = 'matching' AND event_id = $1`, [row!.id]);
    const replay = await queue.add('opportunity.published', envelope, { jobId: `${String(row!.id)}-replay` });
    await eventually(async () => expect(await replay.getState()).toBe('completed'));
    expect((await queue.getJob(replay.id!))!.returnvalue).toBe('handled');
    expect(await listOf(opportunity)).toEqual(first);
  });

  it('leaves one consistent list when rankings of the same opportunity and its practitioners run at once', async () => {
    const opportunity = await published({ requiredSpecialisms: ['mental_health'] });
    await matchingCaughtUp();
    const expected = await freshList(opportunity);
    expect(expected).toHaveLength(LIMIT);

    await stack.query('DELETE FROM recommendations WHERE opportunity_id = $1', [opportunity]);
    const work = [
      ...Array.from({ length: 6 }, () => () => dataSource.transaction((t) => recommendForOpportunity(t, opportunity, LIMIT))),
      ...practitioners.flatMap((person) => [
        () => dataSource.transaction((t) => recommendForPractitioner(t, person.id, LIMIT)),
        () => dataSource.transaction((t) => recommendForPractitioner(t, person.id, LIMIT)),
      ]),
    ];
    await Promise.all(work.sort(() => Math.random() - 0.5).map((run) => run()));

    const after = await listOf(opportunity);
    expect(after).toEqual(expected);
  });

  it('keeps only current, eligible rows when two workers take changes to one opportunity and its practitioners at once', async () => {
    await stack.startWorker('matching');
    const opportunity = await published();
    const sessions = [{ startsAt: session, endsAt: session.replace('T10:', 'T12:'), place: 'County Hall' }];
    await Promise.all([
      ...['child_protection', 'mental_health', 'disability'].map((specialism, i) =>
        lead.http
          .put(`/api/opportunities/${opportunity}`)
          .send({ ...opportunityRequest(partnership, { sessions, title: `Lecture ${i}`, requiredSpecialisms: [specialism] }), partnershipId: undefined, type: undefined })
          .expect(200),
      ),
      ...practitioners.slice(0, 4).map((person) => person.http.put('/api/me/profile').send(profileRequest({ specialisms: ['disability'] })).expect(200)),
    ]);
    await matchingCaughtUp();

    // A practitioner's own change moves only their row, so the list may hold fewer or other rows than
    // a full ranking's top; but every row it holds is eligible now, with its current score, once.
    const settled = await listOf(opportunity);
    const ranking = await fullRanking(opportunity);
    expect(settled.length).toBeLessThanOrEqual(LIMIT);
    expect(new Set(settled.map((r) => r.practitioner_id)).size).toBe(settled.length);
    for (const row of settled) expect(ranking).toContainEqual(row);
    expect(await freshList(opportunity)).toEqual(ranking.slice(0, LIMIT));
  });

  it('gives, through the best-fit shortcut, exactly the top of the full ranking', async () => {
    // Hosted by the council, in person, nothing asked: everyone who prefers in person earns every point.
    const opportunity = await published();
    const [best] = await stack.query<{ n: number }>(`SELECT count(*)::int AS n FROM practitioner_profiles WHERE preferred_formats @> '{in_person}'`);
    expect(best!.n).toBeGreaterThanOrEqual(LIMIT);
    expect(await freshList(opportunity)).toEqual((await fullRanking(opportunity)).slice(0, LIMIT));
    // Asking for a specialism few have: not enough best fits, so everyone is ranked; the same answer.
    const rare = await published({ requiredSpecialisms: ['child_protection', 'mental_health'] });
    expect(await freshList(rare)).toEqual((await fullRanking(rare)).slice(0, LIMIT));
    // Asking for two specialisms nobody holds together: those holding one who earn every other point
    // score the most anyone can, and the shortcut finds them.
    const apart = await published({ requiredSpecialisms: ['child_protection', 'disability'] });
    expect(await dataSource.transaction((transaction) => bestFits(transaction, apart, LIMIT))).toHaveLength(LIMIT);
    expect(await freshList(apart)).toEqual((await fullRanking(apart)).slice(0, LIMIT));
  });

  /** Every eligible practitioner, ranked, without keeping anything. */
  async function fullRanking(opportunityId: string) {
    let rows: Awaited<ReturnType<typeof listOf>> = [];
    const rollBack = new Error('roll back');
    await dataSource
      .transaction(async (transaction) => {
        await recommendForOpportunity(transaction, opportunityId, 1000);
        rows = await transaction.query('SELECT practitioner_id, score, reasons FROM recommendations WHERE opportunity_id = $1 ORDER BY score DESC, practitioner_id', [
          opportunityId,
        ]);
        throw rollBack;
      })
      .catch((error: unknown) => {
        if (error !== rollBack) throw error;
      });
    return rows;
  }
});
