import { councilRequest } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

describe('councils (HTTP)', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ http } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
  });
  afterAll(() => stack.close());

  const rowCounts = async () =>
    (await stack.query<{ councils: string; events: string }>(
      'SELECT (SELECT count(*) FROM councils) AS councils, (SELECT count(*) FROM outbox_events) AS events',
    ))[0];

  it('registers a council, answers with it, and records council.registered', async () => {
    const created = await http
      .post('/api/councils')
      .send({ name: 'Norfolk County Council', kind: 'county', region: 'east_of_england' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Norfolk County Council',
      kind: 'county',
      region: 'east_of_england',
      registeredAt: expect.any(String),
    });
    expect((await http.get(`/api/councils/${created.body.id}`).expect(200)).body).toEqual(created.body);
    const [event] = await stack.query('SELECT type, payload FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);
    expect(event).toEqual({
      type: 'council.registered',
      payload: { councilId: created.body.id, name: 'Norfolk County Council', kind: 'county', region: 'east_of_england' },
    });
  });

  it('refuses a duplicate name with 409 and writes nothing', async () => {
    const request = councilRequest();
    await http.post('/api/councils').send(request).expect(201);
    const before = await rowCounts();
    const response = await http.post('/api/councils').send({ ...request, name: ` ${request.name.toLowerCase()} ` }).expect(409);
    expect(response.body).toMatchObject({ status: 409, detail: expect.stringContaining('already registered') });
    expect(await rowCounts()).toEqual(before);
  });

  it('filters by region and kind, and pages through the rest', async () => {
    await http.post('/api/councils').send(councilRequest({ name: 'Worcestershire County Council', region: 'west_midlands' })).expect(201);
    await http.post('/api/councils').send(councilRequest({ name: 'North East Lincolnshire Council', kind: 'unitary', region: 'yorkshire_and_the_humber' })).expect(201);

    const westMidlands = await http.get('/api/councils').query({ region: 'west_midlands' }).expect(200);
    expect(westMidlands.body.items.map((c: { name: string }) => c.name)).toEqual(['Worcestershire County Council']);
    const byName = await http.get('/api/councils').query({ name: 'worcestershire' }).expect(200);
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['Worcestershire County Council']);
    const unitary = await http.get('/api/councils').query({ kind: 'unitary' }).expect(200);
    expect(unitary.body.items.map((c: { name: string }) => c.name)).toEqual(['North East Lincolnshire Council']);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await http.get('/api/councils').query({ limit: 1, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    const all = await stack.query<{ id: string }>('SELECT id FROM councils ORDER BY name, id');
    expect(seen).toEqual(all.map((row) => row.id));
  });

  it.each([
    ['an unknown kind', { kind: 'parish' }, 'kind'],
    ['a region outside England', { region: 'wales' }, 'region'],
    ['no kind', { kind: undefined }, 'kind'],
    ['a kind in the wrong case', { kind: 'County' }, 'kind'],
    ['a numeric region', { region: 7 }, 'region'],
    ['an oversized name', { name: 'n'.repeat(201) }, 'name'],
    ['an unknown field', { leader: 'someone' }, 'leader'],
  ])('refuses %s with 400 and writes nothing', async (_, change, field) => {
    const before = await rowCounts();
    const response = await http.post('/api/councils').send({ ...councilRequest(), ...change }).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['region=atlantis', 'region'],
    ['kind=parish', 'kind'],
    ['limit=-1', 'limit'],
  ])('refuses a list query with %s', async (query, field) => {
    const response = await http.get(`/api/councils?${query}`).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await http.get('/api/councils/6f1d1b4e-55f4-4f3c-9d0e-3c1b8f1f7a00').expect(404);
    await http.get('/api/councils/nope').expect(400);
  });
});
