import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, universityRequest } from '#libs/testing';
import { personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('Idempotency-Key on the POSTs that create', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  const universitiesNamed = async (name: string) => (await stack.query('SELECT id FROM universities WHERE name = $1', [name])).length;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
  });
  afterAll(() => stack.close());

  it('answers a repeat with the first answer, and creates nothing twice', async () => {
    const body = universityRequest({ name: 'University of Repeats' });
    const first = await admin.post('/api/universities').set('Idempotency-Key', 'create-repeats-1').send(body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same body written in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const repeat = await admin.post('/api/universities').set('Idempotency-Key', 'create-repeats-1').send(reordered).expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect(await universitiesNamed('University of Repeats')).toBe(1);
    expect(await stack.query(`SELECT 1 FROM outbox_events WHERE type = 'university.registered' AND aggregate_id = $1`, [first.body.id])).toHaveLength(1);
  });

  it('refuses the same key with another body, and takes a new key as a new request', async () => {
    await admin.post('/api/universities').set('Idempotency-Key', 'create-two').send(universityRequest({ name: 'University One' })).expect(201);
    const refused = await admin.post('/api/universities').set('Idempotency-Key', 'create-two').send(universityRequest({ name: 'University Two' })).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/another request/);
    expect(await universitiesNamed('University Two')).toBe(0);
    await admin.post('/api/universities').set('Idempotency-Key', 'create-three').send(universityRequest({ name: 'University Two' })).expect(201);
    expect(await universitiesNamed('University Two')).toBe(1);
  });

  it('does the work once when repeats race', async () => {
    const body = councilRequest({ name: 'Racing County Council' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/councils').set('Idempotency-Key', 'race').send(body)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await stack.query('SELECT 1 FROM councils WHERE name = $1', ['Racing County Council'])).toHaveLength(1);
  });

  it('keeps nothing for a request that failed, so it can be tried again with the same key', async () => {
    await admin.post('/api/universities').set('Idempotency-Key', 'fails-first').send({ name: '' }).expect(400);
    await admin.post('/api/universities').set('Idempotency-Key', 'fails-first').send(universityRequest({ name: 'Second Try University' })).expect(201);
    expect(await universitiesNamed('Second Try University')).toBe(1);
  });

  it('keeps keys per caller, and for 24 hours', async () => {
    const otherAdmin = await personWith(app, admin, 'admin');
    const body = universityRequest({ name: 'University per caller' });
    await admin.post('/api/universities').set('Idempotency-Key', 'shared-key').send(body).expect(201);
    // Another caller's key of the same name is theirs: their request is new, and meets the duplicate name.
    await otherAdmin.http.post('/api/universities').set('Idempotency-Key', 'shared-key').send(body).expect(409);

    await stack.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'shared-key'`);
    const again = await admin.post('/api/universities').set('Idempotency-Key', 'shared-key').send(universityRequest({ name: 'A day later' })).expect(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('says what is wrong with a key it cannot take', async () => {
    const refused = await admin.post('/api/universities').set('Idempotency-Key', 'x'.repeat(256)).send(universityRequest()).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'Idempotency-Key', messages: [expect.stringMatching(/1 to 255/)] }]);
  });
});
