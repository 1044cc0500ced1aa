import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, universityRequest } from '#libs/testing';
import type { OpenApiDocument } from './support/openapi-rules.js';
import { PASSWORD, type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

type Actor = 'anonymous' | 'admin' | 'leadA' | 'academicA' | 'practitionerA' | 'practitionerB';
type Expected = Record<Actor, number>;

/**
 * Every endpoint that reads or changes data, tried by each role from inside partnership A and from
 * outside it (B). Another partnership's record answers 404, a role that may not act answers 403.
 */
describe('who may do what', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  const people = {} as Record<Exclude<Actor, 'anonymous' | 'admin'>, Person>;
  const ids = {} as Record<'partnershipA' | 'partnershipB' | 'councilA' | 'councilB' | 'universityA' | 'spareCouncil', string>;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    ids.councilA = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    ids.councilB = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    ids.spareCouncil = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    ids.universityA = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    ids.partnershipA = (
      await admin.post('/api/partnerships').send({ name: 'A', councilIds: [ids.councilA], universityIds: [ids.universityA] }).expect(201)
    ).body.id;
    ids.partnershipB = (await admin.post('/api/partnerships').send({ name: 'B', councilIds: [ids.councilB] }).expect(201)).body.id;
    people.leadA = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${ids.partnershipA}/leads`).send({ userId: people.leadA.id }).expect(201);
    people.academicA = await personWith(app, admin, 'academic', { universityId: ids.universityA });
    people.practitionerA = await personWith(app, admin, 'practitioner', { councilId: ids.councilA });
    people.practitionerB = await personWith(app, admin, 'practitioner', { councilId: ids.councilB });
  });
  afterAll(() => stack.close());

  const client = (actor: Actor) => (actor === 'anonymous' ? anonymous : actor === 'admin' ? admin : people[actor].http);
  const everyone = (status: number, except: Partial<Expected> = {}): Expected => ({
    anonymous: 401,
    admin: status,
    leadA: status,
    academicA: status,
    practitionerA: status,
    practitionerB: status,
    ...except,
  });
  const adminOnly = (status: number): Expected => everyone(403, { admin: status });

  let unique = 0;
  const profile = {
    careerStage: 'social_worker',
    pepsStage: 0,
    specialisms: [],
    availability: { weekdays: [1], unavailable: [] },
    preferredFormats: ['online'],
    maxOpportunitiesPerTerm: 1,
  };
  const endpoints: [string, (actor: Actor) => { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string; body?: object }, Expected][] = [
    ['GET /api/me', () => ({ method: 'get', path: '/api/me' }), everyone(200)],
    // Public: each actor sends a refresh token of their own sign-in (anonymous, one of the admin's), and it alone counts.
    ['POST /api/auth/refresh', (actor) => ({ method: 'post', path: '/api/auth/refresh', body: { refreshToken: refreshTokens[actor] } }), everyone(200, { anonymous: 200 })],
    ['POST /api/auth/logout', (actor) => ({ method: 'post', path: '/api/auth/logout', body: { refreshToken: refreshTokens[actor] } }), everyone(204, { anonymous: 204 })],
    // Public, and the same for everyone: signed in or not, the answer tells nothing about the address.
    ['POST /api/auth/password-reset', () => ({ method: 'post', path: '/api/auth/password-reset', body: { email: `someone.${unique++}@example.org` } }), everyone(202, { anonymous: 202 })],
    ['POST /api/auth/password-reset/check', () => ({ method: 'post', path: '/api/auth/password-reset/check', body: { token: 'not-a-token' } }), everyone(400, { anonymous: 400 })],
    ['POST /api/auth/password-reset/complete', () => ({ method: 'post', path: '/api/auth/password-reset/complete', body: { token: 'not-a-token', password: 'a long enough password' } }), everyone(400, { anonymous: 400 })],
    ['GET /api/universities', () => ({ method: 'get', path: '/api/universities' }), everyone(200)],
    ['GET /api/universities/:id', () => ({ method: 'get', path: `/api/universities/${ids.universityA}` }), everyone(200)],
    ['POST /api/universities', () => ({ method: 'post', path: '/api/universities', body: universityRequest() }), adminOnly(201)],
    ['GET /api/councils', () => ({ method: 'get', path: '/api/councils' }), everyone(200)],
    ['GET /api/councils/:id', () => ({ method: 'get', path: `/api/councils/${ids.councilA}` }), everyone(200)],
    ['POST /api/councils', () => ({ method: 'post', path: '/api/councils', body: councilRequest() }), adminOnly(201)],
    ['GET /api/partnerships', () => ({ method: 'get', path: '/api/partnerships' }), everyone(200)],
    ['GET /api/partnerships/:id of A', () => ({ method: 'get', path: `/api/partnerships/${ids.partnershipA}` }), everyone(200, { practitionerB: 404 })],
    ['GET /api/partnerships/:id of B', () => ({ method: 'get', path: `/api/partnerships/${ids.partnershipB}` }), everyone(404, { admin: 200, practitionerB: 200 })],
    [
      'GET /api/partnerships/:id/audit',
      () => ({ method: 'get', path: `/api/partnerships/${ids.partnershipA}/audit` }),
      everyone(403, { admin: 200, leadA: 200, practitionerB: 404 }),
    ],
    [
      'GET /api/partnerships/:id/decisions',
      () => ({ method: 'get', path: `/api/partnerships/${ids.partnershipA}/decisions` }),
      everyone(403, { admin: 200, leadA: 200, practitionerB: 404 }),
    ],
    ['GET /api/partnerships/:id/settings', () => ({ method: 'get', path: `/api/partnerships/${ids.partnershipA}/settings` }), everyone(200, { practitionerB: 404 })],
    [
      'PATCH /api/partnerships/:id/settings',
      () => ({ method: 'patch', path: `/api/partnerships/${ids.partnershipA}/settings`, body: { academicsMayProposeMatches: false } }),
      everyone(403, { admin: 200, leadA: 200, practitionerB: 404 }),
    ],
    ['POST /api/partnerships', () => ({ method: 'post', path: '/api/partnerships', body: { name: `P${unique++}` } }), adminOnly(201)],
    [
      'POST /api/partnerships/:id/members',
      () => ({ method: 'post', path: `/api/partnerships/${ids.partnershipA}/members`, body: { organisationType: 'council', organisationId: ids.spareCouncil } }),
      // The lead adds it; the admin, acting last, finds it a member already.
      everyone(403, { leadA: 201, admin: 409 }),
    ],
    [
      'DELETE /api/partnerships/:id/members/:organisationId',
      () => ({ method: 'delete', path: `/api/partnerships/${ids.partnershipA}/members/${ids.spareCouncil}` }),
      everyone(403, { leadA: 204, admin: 404 }),
    ],
    ['POST /api/partnerships/:id/leads', () => ({ method: 'post', path: `/api/partnerships/${ids.partnershipB}/leads`, body: { userId: people.leadA.id } }), adminOnly(201)],
    ['DELETE /api/partnerships/:id/leads/:userId', () => ({ method: 'delete', path: `/api/partnerships/${ids.partnershipB}/leads/${people.leadA.id}` }), adminOnly(204)],
    [
      'POST /api/partnerships/:id/specialisms',
      () => ({ method: 'post', path: `/api/partnerships/${ids.partnershipA}/specialisms`, body: { code: `local_${unique++}`, label: 'Local' } }),
      everyone(403, { leadA: 201, admin: 201 }),
    ],
    ['GET /api/specialisms', () => ({ method: 'get', path: '/api/specialisms' }), everyone(200)],
    ['GET /api/me/profile', () => ({ method: 'get', path: '/api/me/profile' }), everyone(403, { practitionerA: 200, practitionerB: 404 })],
    [
      'PUT /api/me/profile',
      () => ({
        method: 'put',
        path: '/api/me/profile',
        body: profile,
      }),
      everyone(403, { practitionerA: 200, practitionerB: 200 }),
    ],
    [
      'POST /api/opportunities',
      () => ({ method: 'post', path: '/api/opportunities', body: opportunity({ hostOrganisationId: ids.universityA }) }),
      everyone(201, { practitionerA: 403, practitionerB: 403 }),
    ],
    ['GET /api/opportunities', () => ({ method: 'get', path: '/api/opportunities' }), everyone(200)],
    [
      'POST /api/opportunities/:id/applications',
      (actor) => ({ method: 'post', path: `/api/opportunities/${published[actor]}/applications`, body: { statement: 'Please.' } }),
      everyone(403, { practitionerA: 201, practitionerB: 404 }),
    ],
    [
      'GET /api/opportunities/:id/applications',
      (actor) => ({ method: 'get', path: `/api/opportunities/${published[actor]}/applications` }),
      everyone(200, { practitionerA: 403, practitionerB: 404 }),
    ],
    ['GET /api/me/applications', () => ({ method: 'get', path: '/api/me/applications' }), everyone(403, { practitionerA: 200, practitionerB: 200 })],
    // The lead acts first and succeeds; the admin, acting last on the same record, finds it done already.
    ['POST /api/matches', () => ({ method: 'post', path: '/api/matches', body: { applicationId: applicationOfA } }), everyone(403, { leadA: 201, admin: 409 })],
    ['POST /api/matches/:id/approve', () => ({ method: 'post', path: `/api/matches/${matchOfA}/approve`, body: {} }), everyone(403, { leadA: 200, admin: 409 })],
    [
      'GET /api/opportunities/:id/matches',
      (actor) => ({ method: 'get', path: `/api/opportunities/${published[actor]}/matches` }),
      everyone(200, { practitionerA: 403, practitionerB: 404 }),
    ],
    [
      'GET /api/opportunities/:id/decisions',
      (actor) => ({ method: 'get', path: `/api/opportunities/${published[actor]}/decisions` }),
      everyone(200, { practitionerA: 403, practitionerB: 404 }),
    ],
    // practitionerA's own match: theirs, and the host's and the lead's; nobody else's, in A or not.
    ['GET /api/matches/:id', () => ({ method: 'get', path: `/api/matches/${matchOfA}` }), everyone(200, { practitionerB: 404 })],
    // The lead approved it in the row for POST /api/matches/:id/approve.
    ['GET /api/matches/:id/calendar', () => ({ method: 'get', path: `/api/matches/${matchOfA}/calendar` }), everyone(200, { practitionerB: 404 })],
    ['GET /api/me/matches', () => ({ method: 'get', path: '/api/me/matches' }), everyone(403, { practitionerA: 200, practitionerB: 200 })],
    [
      'GET /api/opportunities/:id/recommendations',
      (actor) => ({ method: 'get', path: `/api/opportunities/${published[actor]}/recommendations` }),
      everyone(200, { practitionerA: 403, practitionerB: 404 }),
    ],
    ['GET /api/me/recommendations', () => ({ method: 'get', path: '/api/me/recommendations' }), everyone(403, { practitionerA: 200, practitionerB: 200 })],
    // The lead turns the recommendation into a match; for the admin, acting last, it is gone.
    [
      'POST /api/opportunities/:id/recommendations/:practitionerId/match',
      () => ({ method: 'post', path: `/api/opportunities/${recommended}/recommendations/${people.practitionerA.id}/match` }),
      everyone(403, { leadA: 201, admin: 404 }),
    ],
    ['GET /api/me/preferences', () => ({ method: 'get', path: '/api/me/preferences' }), everyone(200)],
    [
      'PUT /api/me/preferences',
      () => ({ method: 'put', path: '/api/me/preferences', body: { applications: true, matches: true, opportunity_changes: true } }),
      everyone(200),
    ],
    ['GET /api/me/subscriptions', () => ({ method: 'get', path: '/api/me/subscriptions' }), everyone(200)],
    ['POST /api/me/subscriptions', () => ({ method: 'post', path: '/api/me/subscriptions', body: { frequency: 'weekly' } }), everyone(201)],
    ['GET /api/admin/email-suppressions', () => ({ method: 'get', path: '/api/admin/email-suppressions' }), adminOnly(200)],
    ['DELETE /api/admin/email-suppressions/:email', () => ({ method: 'delete', path: '/api/admin/email-suppressions/nobody%40example.org' }), adminOnly(404)],
    ['POST /api/admin/digests/:frequency', () => ({ method: 'post', path: '/api/admin/digests/weekly' }), adminOnly(202)],
    ['POST /api/applications/:id/withdraw', () => ({ method: 'post', path: `/api/applications/${applicationOfA}/withdraw` }), everyone(403, { practitionerA: 200, practitionerB: 404 })],
    ['GET /api/opportunities/:id', (actor) => ({ method: 'get', path: `/api/opportunities/${published[actor]}` }), everyone(200, { practitionerB: 404 })],
    [
      'PUT /api/opportunities/:id',
      (actor) => ({ method: 'put', path: `/api/opportunities/${published[actor]}`, body: { ...opportunity(), partnershipId: undefined, type: undefined } }),
      everyone(200, { practitionerA: 403, practitionerB: 404 }),
    ],
    ['POST /api/opportunities/:id/close', (actor) => ({ method: 'post', path: `/api/opportunities/${published[actor]}/close` }), everyone(200, { practitionerA: 403, practitionerB: 404 })],
    [
      'POST /api/opportunities/:id/cancel',
      (actor) => ({ method: 'post', path: `/api/opportunities/${published[actor]}/cancel`, body: { reason: 'Off' } }),
      everyone(200, { practitionerA: 403, practitionerB: 404 }),
    ],
    ['GET /api/people', () => ({ method: 'get', path: '/api/people' }), everyone(403, { admin: 200, leadA: 200 })],
    ['GET /api/people/:id', () => ({ method: 'get', path: `/api/people/${people.practitionerA.id}` }), everyone(403, { admin: 200, leadA: 200 })],
    [
      'GET /api/partnerships/:id/audit/people',
      () => ({ method: 'get', path: `/api/partnerships/${ids.partnershipA}/audit/people` }),
      everyone(403, { admin: 200, leadA: 200, practitionerB: 404 }),
    ],
    ['POST /api/invitations/:id/resend', (actor) => ({ method: 'post', path: `/api/invitations/${toResend[actor]}/resend` }), everyone(403, { admin: 201, leadA: 201 })],
    ['DELETE /api/invitations/:id', (actor) => ({ method: 'delete', path: `/api/invitations/${toWithdraw[actor]}` }), everyone(403, { admin: 204, leadA: 204 })],
    [
      'POST /api/invitations',
      () => ({ method: 'post', path: '/api/invitations', body: { email: `p${unique++}@example.org`, displayName: 'P', role: 'practitioner', councilId: ids.councilA } }),
      everyone(403, { admin: 201, leadA: 201 }),
    ],
  ];

  const actors: Actor[] = ['anonymous', 'leadA', 'academicA', 'practitionerA', 'practitionerB', 'admin'];

  const refreshTokens = {} as Record<Actor, string>;
  beforeAll(async () => {
    const refreshTokenOf = async (email: string, password: string) =>
      (await anonymous.post('/api/auth/login').send({ email, password }).expect(200)).body.refreshToken as string;
    refreshTokens.admin = await refreshTokenOf('admin@example.org', 'development-admin-password');
    refreshTokens.anonymous = await refreshTokenOf('admin@example.org', 'development-admin-password');
    for (const actor of ['leadA', 'academicA', 'practitionerA', 'practitionerB'] as const) refreshTokens[actor] = await refreshTokenOf(people[actor].email, PASSWORD);
  });

  /** A published opportunity of partnership A for each actor to act on, so one actor's change does not block the next. */
  const published = {} as Record<Actor, string>;
  let applicationOfA: string;
  let matchOfA: string;
  let recommended: string;
  const opportunity = (changes: object = {}) => ({
    partnershipId: ids.partnershipA,
    type: 'teaching',
    title: 'Seminar',
    description: 'A seminar.',
    sessions: [{ startsAt: '2099-03-02T10:00:00Z', endsAt: '2099-03-02T12:00:00Z', place: 'UEA' }],
    capacity: 1,
    requiredSpecialisms: [],
    minimumCareerStage: 'student',
    closesAt: '2099-02-20T17:00:00Z',
    contact: 'Host',
    ...changes,
  });
  beforeAll(async () => {
    for (const actor of actors) {
      const id = (await admin.post('/api/opportunities').send(opportunity({ hostOrganisationId: ids.universityA })).expect(201)).body.id;
      await admin.post(`/api/opportunities/${id}/publish`).expect(200);
      published[actor] = id;
    }
    await people.practitionerA.http.put('/api/me/profile').send(profile).expect(200);
    const spare = (await admin.post('/api/opportunities').send(opportunity({ hostOrganisationId: ids.universityA })).expect(201)).body.id;
    await admin.post(`/api/opportunities/${spare}/publish`).expect(200);
    applicationOfA = (await people.practitionerA.http.post(`/api/opportunities/${spare}/applications`).send({ statement: 'Yes.' }).expect(201)).body.id;
    const another = (await admin.post('/api/opportunities').send(opportunity({ hostOrganisationId: ids.universityA })).expect(201)).body.id;
    await admin.post(`/api/opportunities/${another}/publish`).expect(200);
    const secondApplication = (await people.practitionerA.http.post(`/api/opportunities/${another}/applications`).send({ statement: 'Yes.' }).expect(201)).body.id;
    matchOfA = (await admin.post('/api/matches').send({ applicationId: secondApplication }).expect(201)).body.id;
    // As the matching worker would have left it (no worker runs here).
    recommended = (await admin.post('/api/opportunities').send(opportunity({ hostOrganisationId: ids.universityA })).expect(201)).body.id;
    await admin.post(`/api/opportunities/${recommended}/publish`).expect(200);
    await stack.query(`INSERT INTO recommendations (opportunity_id, practitioner_id, score, reasons, factors) VALUES ($1, $2, 80, '{}', '{}')`, [
      recommended,
      people.practitionerA.id,
    ]);
  });
  /** An open invitation of partnership A for each actor to re-send, and one to withdraw. */
  const toResend = {} as Record<Actor, string>;
  const toWithdraw = {} as Record<Actor, string>;
  beforeAll(async () => {
    const invitation = async (email: string) =>
      (await admin.post('/api/invitations').send({ email, displayName: 'Invited', role: 'practitioner', councilId: ids.councilA }).expect(201)).body.invitationId as string;
    for (const actor of actors) {
      toResend[actor] = await invitation(`resend.${actor}@example.org`);
      toWithdraw[actor] = await invitation(`withdraw.${actor}@example.org`);
    }
  });
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await anonymous.get('/api/docs-json').expect(200)).body;
  });
  /** The statuses the OpenAPI document says the endpoint named `name` ("GET /api/things/:id ...") answers. */
  const documented = (name: string) => {
    const [method, path] = name.split(' ') as [string, string];
    return Object.keys(document.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.responses ?? {});
  };

  describe.each(endpoints)('%s', (name, request, expected) => {
    // The admin goes last, so a change it makes (adding a member, appointing a lead) is undone by the next row's admin call.
    it.each(actors)('as %s', async (actor) => {
      const { method, path, body } = request(actor);
      const call = client(actor)[method](path);
      const response = await (body ? call.send(body) : call);
      expect({ actor, status: response.status }).toEqual({ actor, status: expected[actor] });
      if (response.status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      expect({ name, documented: documented(name) }).toEqual({ name, documented: expect.arrayContaining([String(response.status)]) });
    });
  });

  it('lists only the partnerships a person works in', async () => {
    const names = async (person: Person) => (await person.http.get('/api/partnerships').expect(200)).body.items.map((p: { name: string }) => p.name);
    expect(await names(people.practitionerA)).toEqual(['A']);
    expect(await names(people.practitionerB)).toEqual(['B']);
    expect(await names(people.academicA)).toEqual(['A']);
  });
});
