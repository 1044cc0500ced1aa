import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { opportunityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { partnershipWorld, type WorldIds } from './support/partnership-world.js';
import { TestStack } from './support/test-stack.js';

describe('applications', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let ids: WorldIds;
  let academic: Person;
  let otherAcademic: Person;
  let lead: Person;
  let practitioner: Person;
  let colleague: Person;
  let outsider: Person;

  async function opportunity(changes: Record<string, unknown> = {}, publish = true): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(ids.partnershipA, changes)).expect(201)).body.id as string;
    if (publish) await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const world = await partnershipWorld(app, admin, { practitioners: 2, otherAcademic: true, outsider: true });
    ({ ids, lead, academic, otherAcademic, outsider } = world);
    [practitioner, colleague] = world.practitioners as [Person, Person];
  });
  afterAll(() => stack.close());

  const applicationCount = async () => Number((await stack.query<{ count: string }>('SELECT count(*) FROM applications'))[0]!.count);

  it('takes an application, shows it to the practitioner, the hosts and the leads, and records application.submitted', async () => {
    const id = await opportunity();
    const applied = await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: '  I would like to teach this.  ' }).expect(201);
    expect(applied.body).toMatchObject({ opportunityId: id, practitionerId: practitioner.id, statement: 'I would like to teach this.', status: 'submitted', withdrawnAt: null });

    expect((await practitioner.http.get('/api/me/applications').expect(200)).body.map((a: { id: string }) => a.id)).toContain(applied.body.id);
    // The hosts and the leads see who sent it, and the opportunity counts it.
    const applicant = { id: practitioner.id, displayName: 'A practitioner', councilName: expect.any(String), careerStage: 'social_worker', pepsStage: 1, specialisms: [] };
    expect((await academic.http.get(`/api/opportunities/${id}/applications`).expect(200)).body).toEqual([{ ...applied.body, applicant }]);
    expect((await lead.http.get(`/api/opportunities/${id}/applications`).expect(200)).body).toHaveLength(1);
    expect((await academic.http.get(`/api/opportunities/${id}`).expect(200)).body.applicationCount).toBe(1);
    expect((await practitioner.http.get(`/api/opportunities/${id}`).expect(200)).body.applicationCount).toBeNull();
    await otherAcademic.http.get(`/api/opportunities/${id}/applications`).expect(403);
    await colleague.http.get(`/api/opportunities/${id}/applications`).expect(403);
    await outsider.http.get(`/api/opportunities/${id}/applications`).expect(404);

    const [event] = await stack.query<{ type: string; partnership_id: string }>('SELECT type, partnership_id FROM outbox_events WHERE aggregate_id = $1', [applied.body.id]);
    expect(event).toEqual({ type: 'application.submitted', partnership_id: ids.partnershipA });
  });

  it('takes one application per practitioner per opportunity (409 on a second)', async () => {
    const id = await opportunity();
    await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'First.' }).expect(201);
    const second = await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Second.' }).expect(409);
    expect(second.body.detail).toBe('You have already applied to this opportunity.');
    await colleague.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Me too.' }).expect(201);
  });

  it('lets the practitioner withdraw, once, and no one else', async () => {
    const id = await opportunity();
    const applied = (await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Yes.' }).expect(201)).body;
    await colleague.http.post(`/api/applications/${applied.id}/withdraw`).expect(404);
    await academic.http.post(`/api/applications/${applied.id}/withdraw`).expect(403);
    const withdrawn = await practitioner.http.post(`/api/applications/${applied.id}/withdraw`).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    await practitioner.http.post(`/api/applications/${applied.id}/withdraw`).expect(409);
    const types = (await stack.query<{ type: string }>('SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY position', [applied.id])).map((e) => e.type);
    expect(types).toEqual(['application.submitted', 'application.withdrawn']);
  });

  it.each([
    ['a draft', {}, 'draft', 404],
    ['a closed one', {}, 'close', 409],
    ['a cancelled one', {}, 'cancel', 409],
  ] as const)('refuses an application to %s', async (_, changes, state, status) => {
    const id = await opportunity(changes, state !== 'draft');
    if (state === 'close') await academic.http.post(`/api/opportunities/${id}/close`).expect(200);
    if (state === 'cancel') await academic.http.post(`/api/opportunities/${id}/cancel`).send({ reason: 'Off' }).expect(200);
    const before = await applicationCount();
    await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Please.' }).expect(status);
    expect(await applicationCount()).toBe(before);
  });

  it('refuses with 422, saying why, a practitioner the opportunity does not suit', async () => {
    const senior = await opportunity({ minimumCareerStage: 'senior_practitioner' });
    const refused = await practitioner.http.post(`/api/opportunities/${senior}/applications`).send({ statement: 'Please.' }).expect(422);
    expect(refused.body.detail).toContain('career stage senior_practitioner or above');
    const educator = await opportunity({ type: 'practice_educator', pepsStage: 2 });
    const peps = await practitioner.http.post(`/api/opportunities/${educator}/applications`).send({ statement: 'Please.' }).expect(422);
    expect(peps.body.detail).toContain('PEPS stage 2');
  });

  it('asks for a profile before the first application (422)', async () => {
    const newcomer = await personWith(app, admin, 'practitioner', { councilId: ids.norfolk });
    const id = await opportunity();
    const refused = await newcomer.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Please.' }).expect(422);
    expect(refused.body.detail).toContain('PUT /api/me/profile');
  });

  it('refuses another partnership\'s opportunity (404), other roles (403), and bad statements (400)', async () => {
    const id = await opportunity();
    await outsider.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Please.' }).expect(404);
    await academic.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Please.' }).expect(403);
    await anonymous.post(`/api/opportunities/${id}/applications`).send({ statement: 'Please.' }).expect(401);
    for (const body of [{}, { statement: '' }, { statement: 's'.repeat(2001) }, { statement: 42 }, { statement: 'ok', extra: true }]) {
      await practitioner.http.post(`/api/opportunities/${id}/applications`).send(body).expect(400);
    }
    await practitioner.http.post('/api/opportunities/not-a-uuid/applications').send({ statement: 'Please.' }).expect(400);
    await practitioner.http.post('/api/opportunities/00000000-0000-4000-8000-000000000000/applications').send({ statement: 'Please.' }).expect(404);
  });
});
