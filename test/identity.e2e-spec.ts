import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, universityRequest } from '#libs/testing';
import { PASSWORD, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('sign-in and invitations', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let partnershipA: { id: string };
  let councilA: { id: string };
  let councilB: { id: string };
  let universityA: { id: string };

  beforeAll(async () => {
    stack = await TestStack.create({ LOGIN_ATTEMPTS_PER_MINUTE: 5 });
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    councilA = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body;
    councilB = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body;
    universityA = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body;
    partnershipA = (await admin.post('/api/partnerships').send({ name: 'Partnership A', councilIds: [councilA.id], universityIds: [universityA.id] }).expect(201)).body;
    await admin.post('/api/partnerships').send({ name: 'Partnership B', councilIds: [councilB.id] }).expect(201);
  });
  afterAll(() => stack.close());

  it('creates the configured admin at start-up, who can sign in and see themself', async () => {
    const me = await admin.get('/api/me').expect(200);
    expect(me.body).toMatchObject({ email: 'admin@example.org', role: 'admin', universityId: null, councilId: null, partnershipIds: [] });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrongPassword = await anonymous.post('/api/auth/login').send({ email: 'admin@example.org', password: 'not the password' }).expect(401);
    const unknownEmail = await anonymous.post('/api/auth/login').send({ email: 'nobody@example.org', password: 'not the password' }).expect(401);
    expect(unknownEmail.body).toEqual({ ...wrongPassword.body });
    expect(wrongPassword.body).toMatchObject({ status: 401, detail: 'The email or the password is wrong.' });
  });

  it('refuses requests without a valid bearer token', async () => {
    await anonymous.get('/api/me').expect(401);
    await anonymous.get('/api/me').set('authorization', 'Bearer not.a.token').expect(401);
    await anonymous.get('/api/me').set('authorization', 'Basic YWRtaW46cGFzcw==').expect(401);
    const token = (await anonymous.post('/api/auth/login').send({ email: 'admin@example.org', password: 'development-admin-password' }).expect(200)).body.accessToken as string;
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    await anonymous.get('/api/me').set('authorization', `Bearer ${header}.${forged}.${signature}`).expect(401);
    await anonymous.get('/api/health').expect(200);
  });

  it('invites a practitioner, who chooses a password and then works in their council\'s partnerships', async () => {
    const invited = await admin
      .post('/api/invitations')
      .send({ email: 'Sam.Taylor@Norfolk.example', displayName: 'Sam Taylor', role: 'practitioner', councilId: councilA.id })
      .expect(201);
    expect(invited.body).toMatchObject({ email: 'Sam.Taylor@Norfolk.example', role: 'practitioner', invitationToken: expect.any(String) });
    const [event] = await stack.query('SELECT type, payload FROM outbox_events WHERE aggregate_id = $1', [invited.body.userId]);
    expect(event).toMatchObject({ type: 'user.invited', payload: { userId: invited.body.userId, role: 'practitioner' } });
    expect(JSON.stringify(event)).not.toContain(invited.body.invitationToken);

    // Not signed up yet: no password works.
    await anonymous.post('/api/auth/login').send({ email: 'sam.taylor@norfolk.example', password: PASSWORD }).expect(401);

    const accepted = await anonymous.post('/api/invitations/accept').send({ token: invited.body.invitationToken, password: PASSWORD }).expect(200);
    expect(accepted.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
    await anonymous.post('/api/invitations/accept').send({ token: invited.body.invitationToken, password: PASSWORD }).expect(400);

    const login = await anonymous.post('/api/auth/login').send({ email: 'sam.taylor@norfolk.example', password: PASSWORD }).expect(200);
    const me = await anonymous.get('/api/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ role: 'practitioner', councilId: councilA.id, partnershipIds: [partnershipA.id] });
  });

  it('refuses a tampered, unknown or expired invitation token', async () => {
    const invited = await admin.post('/api/invitations').send({ email: 'late@example.org', displayName: 'Late', role: 'practitioner', councilId: councilB.id }).expect(201);
    const token = invited.body.invitationToken as string;
    await anonymous.post('/api/invitations/accept').send({ token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, password: PASSWORD }).expect(400);
    await anonymous.post('/api/invitations/accept').send({ token: 'made-up', password: PASSWORD }).expect(400);
    await anonymous.post('/api/invitations/accept').send({ token, password: 'short' }).expect(400);
    await stack.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [invited.body.userId]);
    const expired = await anonymous.post('/api/invitations/accept').send({ token, password: PASSWORD }).expect(400);
    expect(expired.body.detail).toContain('not valid');
  });

  it.each([
    ['a practitioner without a council', { role: 'practitioner' }, 400],
    ['an academic with a council', { role: 'academic', councilId: '00000000-0000-4000-8000-000000000000' }, 400],
    ['an admin with a university', { role: 'admin', universityId: '00000000-0000-4000-8000-000000000000' }, 400],
    ['a practitioner of a council that does not exist', { role: 'practitioner', councilId: '00000000-0000-4000-8000-000000000000' }, 404],
    ['an unknown role', { role: 'superuser' }, 400],
  ])('refuses to invite %s', async (_, fields, status) => {
    const before = await stack.query('SELECT count(*) FROM users');
    await admin.post('/api/invitations').send({ email: `x${Math.random()}@example.org`, displayName: 'X', ...fields }).expect(status);
    expect(await stack.query('SELECT count(*) FROM users')).toEqual(before);
  });

  it('refuses a second invitation for the same email, whatever its case (409)', async () => {
    await admin.post('/api/invitations').send({ email: 'twice@example.org', displayName: 'Twice', role: 'partnership_lead' }).expect(201);
    await admin.post('/api/invitations').send({ email: 'TWICE@example.org', displayName: 'Twice', role: 'partnership_lead' }).expect(409);
  });

  it('lets a lead invite academics and practitioners of their own partnership only', async () => {
    const lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipA.id}/leads`).send({ userId: lead.id }).expect(201);
    expect((await lead.http.get('/api/me').expect(200)).body.partnershipIds).toEqual([partnershipA.id]);

    await lead.http.post('/api/invitations').send({ email: 'in-a@example.org', displayName: 'In A', role: 'practitioner', councilId: councilA.id }).expect(201);
    await lead.http.post('/api/invitations').send({ email: 'uni-a@example.org', displayName: 'Uni A', role: 'academic', universityId: universityA.id }).expect(201);
    await lead.http.post('/api/invitations').send({ email: 'in-b@example.org', displayName: 'In B', role: 'practitioner', councilId: councilB.id }).expect(404);
    await lead.http.post('/api/invitations').send({ email: 'boss@example.org', displayName: 'Boss', role: 'admin' }).expect(403);

    const practitioner = await personWith(app, admin, 'practitioner', { councilId: councilA.id });
    await practitioner.http.post('/api/invitations').send({ email: 'friend@example.org', displayName: 'Friend', role: 'practitioner', councilId: councilA.id }).expect(403);
  });

  it('limits sign-in attempts per email, and tells when to try again', async () => {
    const attempt = (email: string) => anonymous.post('/api/auth/login').send({ email, password: 'guess' });
    for (let i = 0; i < 5; i++) await attempt('target@example.org').expect(401);
    const blocked = await attempt('target@example.org').expect(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    // Another email from the same address is not held back.
    await attempt('someone-else@example.org').expect(401);
  });
});
