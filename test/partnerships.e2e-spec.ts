import { councilRequest, universityRequest } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

describe('partnerships (HTTP)', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ http } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
  });
  afterAll(() => stack.close());

  const registerUniversity = async (name?: string) =>
    (await http.post('/api/universities').send(universityRequest(name ? { name } : {})).expect(201)).body as { id: string; name: string };
  const registerCouncil = async (name?: string) =>
    (await http.post('/api/councils').send(councilRequest(name ? { name } : {})).expect(201)).body as { id: string; name: string };
  const partnershipName = () => `Teaching Partnership ${Math.random().toString(36).slice(2, 8)}`;
  const eventsOf = (aggregateId: string) =>
    stack.query<{ type: string; payload: object; partnership_id: string }>(
      'SELECT type, payload, partnership_id FROM outbox_events WHERE aggregate_id = $1 ORDER BY position',
      [aggregateId],
    );
  const counts = async () =>
    (await stack.query<{ partnerships: string; members: string; events: string }>(
      `SELECT (SELECT count(*) FROM partnerships) AS partnerships, (SELECT count(*) FROM partnership_members) AS members,
              (SELECT count(*) FROM outbox_events) AS events`,
    ))[0];

  it('forms a partnership with its first members, and records partnership.formed and a member_added per member', async () => {
    const uea = await registerUniversity('University of East Anglia');
    const norfolk = await registerCouncil('Norfolk County Council');
    const suffolk = await registerCouncil('Suffolk County Council');

    const formed = await http
      .post('/api/partnerships')
      .send({ name: 'Norfolk and Suffolk Social Work Teaching Partnership', universityIds: [uea.id], councilIds: [suffolk.id, norfolk.id] })
      .expect(201);
    expect(formed.body).toEqual({
      id: expect.any(String),
      name: 'Norfolk and Suffolk Social Work Teaching Partnership',
      description: null,
      members: [
        { organisationType: 'university', organisationId: uea.id, name: 'University of East Anglia', joinedAt: expect.any(String) },
        { organisationType: 'council', organisationId: norfolk.id, name: 'Norfolk County Council', joinedAt: expect.any(String) },
        { organisationType: 'council', organisationId: suffolk.id, name: 'Suffolk County Council', joinedAt: expect.any(String) },
      ],
      leads: [],
      formedAt: expect.any(String),
    });
    expect((await http.get(`/api/partnerships/${formed.body.id}`).expect(200)).body).toEqual(formed.body);

    const events = await eventsOf(formed.body.id);
    expect(events.map((e) => e.type)).toEqual(['partnership.formed', 'partnership.member_added', 'partnership.member_added', 'partnership.member_added']);
    expect(events.every((e) => e.partnership_id === formed.body.id)).toBe(true);
    expect(events[1]!.payload).toEqual({ partnershipId: formed.body.id, organisationType: 'university', organisationId: uea.id });
  });

  it('lets an organisation belong to several partnerships, and lists the partnerships of one', async () => {
    const shared = await registerCouncil();
    const first = await http.post('/api/partnerships').send({ name: partnershipName(), councilIds: [shared.id] }).expect(201);
    const second = await http.post('/api/partnerships').send({ name: partnershipName(), councilIds: [shared.id] }).expect(201);
    await http.post('/api/partnerships').send({ name: partnershipName() }).expect(201);

    const listed = await http.get('/api/partnerships').query({ organisationId: shared.id }).expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id).sort()).toEqual([first.body.id, second.body.id].sort());
    expect(listed.body.items[0].members).toEqual([expect.objectContaining({ organisationId: shared.id })]);

    const page = await http.get('/api/partnerships').query({ limit: 1 }).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });

  it('adds and removes members, with an event for each change', async () => {
    const partnership = (await http.post('/api/partnerships').send({ name: partnershipName() }).expect(201)).body;
    const lincoln = await registerUniversity();
    const lincolnshire = await registerCouncil();

    await http.post(`/api/partnerships/${partnership.id}/members`).send({ organisationType: 'university', organisationId: lincoln.id }).expect(201);
    const added = await http
      .post(`/api/partnerships/${partnership.id}/members`)
      .send({ organisationType: 'council', organisationId: lincolnshire.id })
      .expect(201);
    expect(added.body.members.map((m: { organisationId: string }) => m.organisationId)).toEqual([lincoln.id, lincolnshire.id]);

    await http.delete(`/api/partnerships/${partnership.id}/members/${lincoln.id}`).expect(204);
    const after = await http.get(`/api/partnerships/${partnership.id}`).expect(200);
    expect(after.body.members.map((m: { organisationId: string }) => m.organisationId)).toEqual([lincolnshire.id]);

    const events = await eventsOf(partnership.id);
    expect(events.map((e) => e.type)).toEqual([
      'partnership.formed',
      'partnership.member_added',
      'partnership.member_added',
      'partnership.member_removed',
    ]);
    expect(events[3]!.payload).toEqual({ partnershipId: partnership.id, organisationType: 'university', organisationId: lincoln.id });
  });

  describe('refuses what cannot be, with a problem and nothing written', () => {
    it('a duplicate partnership name (409)', async () => {
      const name = partnershipName();
      await http.post('/api/partnerships').send({ name }).expect(201);
      const before = await counts();
      await http.post('/api/partnerships').send({ name: name.toUpperCase() }).expect(409);
      expect(await counts()).toEqual(before);
    });

    it('forming with an organisation that does not exist (404 naming it)', async () => {
      const before = await counts();
      const response = await http
        .post('/api/partnerships')
        .send({ name: partnershipName(), councilIds: ['00000000-0000-4000-8000-000000000000'] })
        .expect(404);
      expect(response.body.detail).toBe('No council has id 00000000-0000-4000-8000-000000000000.');
      expect(await counts()).toEqual(before);
    });

    it('adding a member twice (409), an unknown organisation (404) or to an unknown partnership (404)', async () => {
      const council = await registerCouncil();
      const partnership = (await http.post('/api/partnerships').send({ name: partnershipName(), councilIds: [council.id] }).expect(201)).body;
      const before = await counts();
      await http.post(`/api/partnerships/${partnership.id}/members`).send({ organisationType: 'council', organisationId: council.id }).expect(409);
      // A council's id given as a university's is an unknown university.
      await http.post(`/api/partnerships/${partnership.id}/members`).send({ organisationType: 'university', organisationId: council.id }).expect(404);
      await http
        .post('/api/partnerships/00000000-0000-4000-8000-000000000000/members')
        .send({ organisationType: 'council', organisationId: council.id })
        .expect(404);
      expect(await counts()).toEqual(before);
    });

    it('removing an organisation that is not a member (404)', async () => {
      const partnership = (await http.post('/api/partnerships').send({ name: partnershipName() }).expect(201)).body;
      const council = await registerCouncil();
      await http.delete(`/api/partnerships/${partnership.id}/members/${council.id}`).expect(404);
    });

    it.each([
      ['no name', {}, 'name'],
      ['an oversized description', { name: 'Fine', description: 'd'.repeat(2001) }, 'description'],
      ['member ids that are not UUIDs', { name: 'Fine', councilIds: ['norfolk'] }, 'councilIds'],
      ['the same member twice', { name: 'Fine', universityIds: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'] }, 'universityIds'],
      ['members that are not a list', { name: 'Fine', councilIds: 'all' }, 'councilIds'],
      ['an unknown field', { name: 'Fine', leads: [] }, 'leads'],
    ])('a body with %s (400)', async (_, body, field) => {
      const before = await counts();
      const response = await http.post('/api/partnerships').send(body).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an unknown organisation type', { organisationType: 'charity', organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationType'],
      ['an organisation id that is not a UUID', { organisationType: 'council', organisationId: '42' }, 'organisationId'],
    ])('a member with %s (400)', async (_, body, field) => {
      const partnership = (await http.post('/api/partnerships').send({ name: partnershipName() }).expect(201)).body;
      const response = await http.post(`/api/partnerships/${partnership.id}/members`).send(body).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('malformed ids in the path or the filter (400)', async () => {
      await http.get('/api/partnerships/nope').expect(400);
      await http.delete('/api/partnerships/nope/members/also-nope').expect(400);
      await http.get('/api/partnerships').query({ organisationId: 'norfolk' }).expect(400);
    });
  });
});
