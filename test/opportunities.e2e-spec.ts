import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { inDays } from '#libs/testing';
import type { Person } from './support/people.js';
import { partnershipWorld, type WorldIds } from './support/partnership-world.js';
import { TestStack } from './support/test-stack.js';

const lecture = (partnershipId: string, changes: Record<string, unknown> = {}) => ({
  partnershipId,
  type: 'teaching',
  title: 'Lecture: assessing risk in child protection',
  description: 'A two-hour lecture for second-year students, with time for questions.',
  sessions: [
    { startsAt: inDays(40, 14), endsAt: inDays(40, 16), onlineLink: 'https://teams.example/meet/2' },
    { startsAt: inDays(30, 10), endsAt: inDays(30, 12), place: 'Elizabeth Fry Building, room 2.14' },
  ],
  capacity: 2,
  requiredSpecialisms: ['child_protection'],
  minimumCareerStage: 'social_worker',
  closesAt: inDays(20, 17),
  contact: 'Dr Priya Shah',
  ...changes,
});

describe('opportunities', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let ids: WorldIds;
  let lead: Person;
  let academic: Person;
  let otherAcademic: Person;
  let practitioner: Person;
  let outsider: Person;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const world = await partnershipWorld(app, admin, { profile: false, otherAcademic: true, outsider: true });
    ({ ids, lead, academic, otherAcademic, outsider } = world);
    [practitioner] = world.practitioners as [Person];
  });
  afterAll(() => stack.close());

  const eventTypes = async (id: string) =>
    (await stack.query<{ type: string }>('SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY position', [id])).map((e) => e.type);

  it('goes from draft to published to closed to completed, visible to practitioners once published, an event at each step', async () => {
    const draft = await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', host: { type: 'university', id: ids.uea }, capacity: 2, cancellationReason: null, applicationCount: 0 });
    // What may be done next comes with it, for those who may do it.
    expect(draft.body.actions).toEqual(['update', 'publish', 'cancel']);
    expect(draft.body.sessions.map((s: { startsAt: string }) => Date.parse(s.startsAt))).toEqual([Date.parse(inDays(30, 10)), Date.parse(inDays(40, 14))]);
    const id = draft.body.id as string;

    await practitioner.http.get(`/api/opportunities/${id}`).expect(404);
    await otherAcademic.http.get(`/api/opportunities/${id}`).expect(404);
    await lead.http.get(`/api/opportunities/${id}`).expect(200);

    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    const seen = (await practitioner.http.get(`/api/opportunities/${id}`).expect(200)).body;
    expect(seen).toMatchObject({ status: 'published', applicationCount: null, actions: [] });
    expect((await otherAcademic.http.get(`/api/opportunities/${id}`).expect(200)).body.actions).toEqual([]);
    expect((await lead.http.get(`/api/opportunities/${id}`).expect(200)).body.actions).toEqual(['update', 'close', 'cancel', 'complete']);
    await outsider.http.get(`/api/opportunities/${id}`).expect(404);

    await lead.http.post(`/api/opportunities/${id}/close`).expect(200);
    await academic.http.post(`/api/opportunities/${id}/complete`).expect(200);
    expect(await eventTypes(id)).toEqual(['opportunity.drafted', 'opportunity.published', 'opportunity.closed', 'opportunity.completed']);
  });

  it('is changed by its host university\'s academics and the partnership\'s leads only', async () => {
    const id = (await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(201)).body.id;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);

    const changed = await lead.http.put(`/api/opportunities/${id}`).send({ ...lecture(ids.partnershipA, { capacity: 4, title: 'Lecture (moved online)' }), partnershipId: undefined, type: undefined }).expect(200);
    expect(changed.body).toMatchObject({ capacity: 4, title: 'Lecture (moved online)', status: 'published' });
    await otherAcademic.http.post(`/api/opportunities/${id}/close`).expect(403);
    await practitioner.http.post(`/api/opportunities/${id}/close`).expect(403);
    await outsider.http.post(`/api/opportunities/${id}/close`).expect(404);
    await anonymous.post(`/api/opportunities/${id}/close`).expect(401);
    expect(await eventTypes(id)).toEqual(['opportunity.drafted', 'opportunity.published', 'opportunity.updated']);
  });

  it('refuses moves its lifecycle does not allow (409), and keeps a cancellation\'s reason', async () => {
    const id = (await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(201)).body.id;
    await academic.http.post(`/api/opportunities/${id}/close`).expect(409);
    await academic.http.post(`/api/opportunities/${id}/complete`).expect(409);
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    const again = await academic.http.post(`/api/opportunities/${id}/publish`).expect(409);
    expect(again.body.detail).toBe('A published opportunity cannot be published.');

    const cancelled = await lead.http.post(`/api/opportunities/${id}/cancel`).send({ reason: 'The lecturer is unwell.' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'The lecturer is unwell.' });
    await lead.http.post(`/api/opportunities/${id}/cancel`).send({ reason: 'Again' }).expect(409);
    await lead.http.put(`/api/opportunities/${id}`).send({ ...lecture(ids.partnershipA), partnershipId: undefined, type: undefined }).expect(409);
    const [event] = await stack.query<{ payload: { reason: string } }>(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'opportunity.cancelled'`, [id]);
    expect(event!.payload.reason).toBe('The lecturer is unwell.');
  });

  it('will not publish once its closing date has passed', async () => {
    const id = (await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA, { closesAt: inDays(-1) })).expect(201)).body.id;
    const refused = await academic.http.post(`/api/opportunities/${id}/publish`).expect(409);
    expect(refused.body.detail).toContain('closing date has passed');
  });

  it('lets a lead post on behalf of a member organisation, and no other', async () => {
    const posted = await lead.http.post('/api/opportunities').send(lecture(ids.partnershipA, { type: 'interviewing', hostOrganisationId: ids.norfolk })).expect(201);
    expect(posted.body.host).toEqual({ type: 'council', id: ids.norfolk });
    await lead.http.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(400);
    await lead.http.post('/api/opportunities').send(lecture(ids.partnershipA, { hostOrganisationId: ids.otherB })).expect(404);
    await lead.http.post('/api/opportunities').send(lecture(ids.partnershipB, { hostOrganisationId: ids.otherB })).expect(404);
  });

  it('lets an academic post for their own university in their own partnerships only', async () => {
    await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA, { hostOrganisationId: ids.suffolk })).expect(403);
    await academic.http.post('/api/opportunities').send(lecture(ids.partnershipB)).expect(404);
    await practitioner.http.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(403);
    await anonymous.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(401);
  });

  const count = async () => Number((await stack.query<{ count: string }>('SELECT count(*) FROM opportunities'))[0]!.count);
  const session = (changes: Record<string, unknown>) => [{ startsAt: inDays(30, 10), endsAt: inDays(30, 12), place: 'UEA', ...changes }];

  it.each([
    ['a session that ends before it starts', { sessions: session({ endsAt: inDays(30, 9) }) }, 'sessions.0.endsAt'],
    ['a session with nowhere to be', { sessions: session({ place: undefined }) }, 'sessions.0'],
    ['a time without an offset', { sessions: session({ startsAt: '2027-03-02T10:00:00' }) }, 'sessions.0.startsAt'],
    ['an impossible date', { sessions: session({ startsAt: '2027-02-30T10:00:00Z' }) }, 'sessions.0.startsAt'],
    ['an online link that is not https', { sessions: session({ onlineLink: 'http://teams.example/meet' }) }, 'sessions.0.onlineLink'],
    ['no sessions', { sessions: [] }, 'sessions'],
    ['applications closing after the first session', { closesAt: inDays(35) }, 'closesAt'],
    ['no places', { capacity: 0 }, 'capacity'],
    ['negative places', { capacity: -3 }, 'capacity'],
    ['places as text', { capacity: '2' }, 'capacity'],
    ['an unknown type', { type: 'mentoring' }, 'type'],
    ['a practice educator role without a PEPS stage', { type: 'practice_educator' }, 'pepsStage'],
    ['an unknown specialism', { requiredSpecialisms: ['astrology'] }, 'requiredSpecialisms'],
    ['an unknown career stage', { minimumCareerStage: 'intern' }, 'minimumCareerStage'],
    ['an empty title', { title: '  ' }, 'title'],
    ['an oversized description', { description: 'd'.repeat(5001) }, 'description'],
    ['an unknown field', { budget: 100 }, 'budget'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, changes, field) => {
    const before = await count();
    const response = await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA, changes)).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await count()).toBe(before);
  });

  it('refuses a change that breaks the rules, and keeps the opportunity as it was', async () => {
    const created = (await academic.http.post('/api/opportunities').send(lecture(ids.partnershipA)).expect(201)).body;
    await academic.http.put(`/api/opportunities/${created.id}`).send({ ...lecture(ids.partnershipA, { closesAt: inDays(35) }), partnershipId: undefined, type: undefined }).expect(400);
    await academic.http.put(`/api/opportunities/${created.id}`).send({ ...lecture(ids.partnershipA), type: undefined }).expect(400);
    expect((await academic.http.get(`/api/opportunities/${created.id}`).expect(200)).body).toEqual(created);
  });
});
