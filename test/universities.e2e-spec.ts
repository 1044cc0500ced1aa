import { universityRequest } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

describe('universities (HTTP)', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ http } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
  });
  afterAll(() => stack.close());

  const outboxCount = async () => Number((await stack.query<{ count: string }>('SELECT count(*) FROM outbox_events'))[0]!.count);

  it('registers a university, answers with it, and records university.registered in the outbox', async () => {
    const request = universityRequest({ name: '  University of East Anglia  ', shortName: 'UEA', website: 'https://www.uea.ac.uk' });
    const created = await http.post('/api/universities').send(request).expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'University of East Anglia',
      shortName: 'UEA',
      website: 'https://www.uea.ac.uk',
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/),
    });

    const fetched = await http.get(`/api/universities/${created.body.id}`).expect(200);
    expect(fetched.body).toEqual(created.body);

    const [event] = await stack.query('SELECT * FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);
    expect(event).toMatchObject({
      type: 'university.registered',
      version: 1,
      aggregate_type: 'university',
      payload: { universityId: created.body.id, name: 'University of East Anglia', shortName: 'UEA' },
      dispatched_at: null,
    });
  });

  it('carries the caller\'s correlation id into the event, and answers with it', async () => {
    const response = await http.post('/api/universities').set('x-correlation-id', 'trace-42').send(universityRequest()).expect(201);
    expect(response.headers['x-correlation-id']).toBe('trace-42');
    const [event] = await stack.query<{ correlation_id: string }>('SELECT correlation_id FROM outbox_events WHERE aggregate_id = $1', [response.body.id]);
    expect(event!.correlation_id).toBe('trace-42');
  });

  it('refuses a second university of the same name, whatever its case, with 409 and no second event', async () => {
    const request = universityRequest();
    await http.post('/api/universities').send(request).expect(201);
    const before = await outboxCount();
    const duplicate = await http.post('/api/universities').send({ ...request, name: request.name.toUpperCase() }).expect(409);
    expect(duplicate.headers['content-type']).toContain('application/problem+json');
    expect(duplicate.body).toMatchObject({ status: 409, title: 'Conflict', detail: expect.stringContaining('already registered') });
    expect(await outboxCount()).toBe(before);
  });

  it('lists universities by name, a page at a time, and filters by name', async () => {
    const names = ['Aardvark University', 'Abbey University', 'Acorn University'];
    for (const name of names) await http.post('/api/universities').send(universityRequest({ name })).expect(201);

    const first = await http.get('/api/universities').query({ limit: 2, name: 'university' }).expect(200);
    expect(first.body.items.map((u: { name: string }) => u.name)).toEqual(names.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await http.get('/api/universities').query({ limit: 2, name: 'university', cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items[0].name).toBe('Acorn University');

    const filtered = await http.get('/api/universities').query({ name: 'ABBEY' }).expect(200);
    expect(filtered.body).toEqual({ items: [expect.objectContaining({ name: 'Abbey University' })], nextCursor: null });

    const literal = await http.get('/api/universities').query({ name: '%' }).expect(200);
    expect(literal.body.items).toEqual([]);
  });

  it('answers 404 with problem details for a university that does not exist', async () => {
    const response = await http.get('/api/universities/00000000-0000-4000-8000-000000000000').expect(404);
    expect(response.body).toMatchObject({ type: 'about:blank', status: 404, title: 'Not Found' });
  });

  describe('refuses bad input with a 4xx problem, and writes nothing', () => {
    const invalidBodies: [string, unknown, string][] = [
      ['no name', { shortName: 'X' }, 'name'],
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '    ' }, 'name'],
      ['a name that is a number', { name: 42 }, 'name'],
      ['a name that is an array', { name: ['a'] }, 'name'],
      ['a name that is an object', { name: { first: 'a' } }, 'name'],
      ['a name that is null', { name: null }, 'name'],
      ['an oversized name', { name: 'x'.repeat(201) }, 'name'],
      ['an oversized short name', { name: 'Fine', shortName: 'x'.repeat(31) }, 'shortName'],
      ['a website that is not a URL', { name: 'Fine', website: 'not a url' }, 'website'],
      ['a website without a scheme', { name: 'Fine', website: 'www.uea.ac.uk' }, 'website'],
      ['a javascript: website', { name: 'Fine', website: 'javascript:alert(1)' }, 'website'],
      ['a NUL character in the name', { name: 'Univer\u0000sity' }, 'name'],
      ['a NUL character in the short name', { name: 'Fine', shortName: 'U\u0000' }, 'shortName'],
      ['an unknown field', { name: 'Fine', rank: 1 }, 'rank'],
    ];

    it.each(invalidBodies)('%s', async (_, body, field) => {
      const before = await outboxCount();
      const response = await http.post('/api/universities').send(body as object).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, instance: '/api/universities' });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await outboxCount()).toBe(before);
    });

    it.each([
      ['malformed JSON', 'application/json', '{"name": '],
      ['a JSON array', 'application/json', '[]'],
      ['JSON null', 'application/json', 'null'],
      ['a JSON string', 'application/json', '"University"'],
      ['an empty body', 'application/json', ''],
      ['plain text', 'text/plain', 'University of Nowhere'],
      ['a form', 'application/x-www-form-urlencoded', 'name=University'],
      ['a __proto__ key', 'application/json', '{"name":"Fine","__proto__":{"admin":true}}'],
    ])('%s', async (_, contentType, raw) => {
      const before = await outboxCount();
      const response = await http.post('/api/universities').set('content-type', contentType).send(raw);
      expect([400, 415]).toContain(response.status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: response.status, type: 'about:blank' });
      expect(await outboxCount()).toBe(before);
    });

    it('a body over the size limit', async () => {
      const response = await http.post('/api/universities').send({ name: 'x'.repeat(200_000) }).expect(413);
      expect(response.body).toMatchObject({ status: 413, title: 'Content Too Large' });
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=2.5', 'limit'],
      ['limit=1&limit=2', 'limit'],
      ['cursor=not-ours', 'cursor'],
      [`cursor=${Buffer.from('["a","not-a-uuid"]').toString('base64url')}`, 'cursor'],
      [`cursor=${Buffer.from('{"a":1}').toString('base64url')}`, 'cursor'],
      ['name=', 'name'],
      ['name=%00', 'name'],
      [`cursor=${Buffer.from('["a\\u0000b","0b6f7d3e-9a54-4d8e-8f1c-5a2b3c4d5e6f"]').toString('base64url')}`, 'cursor'],
      ['sort=name', 'sort'],
    ])('a list query with %s', async (query, field) => {
      const response = await http.get(`/api/universities?${query}`).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it.each(['not-a-uuid', '123', "1' OR '1'='1"])('an id of %s', async (id) => {
      const response = await http.get(`/api/universities/${encodeURIComponent(id)}`).expect(400);
      expect(response.body).toMatchObject({ status: 400, detail: expect.stringContaining('uuid') });
    });

    it('an unknown route or method', async () => {
      await http.get('/api/nowhere').expect(404);
      const response = await http.delete('/api/universities').expect(404);
      expect(response.body).toMatchObject({ status: 404, type: 'about:blank' });
    });
  });
});
