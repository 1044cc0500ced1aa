import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DATE_TIME_WITH_OFFSET, londonDateTime } from '#libs/http';
import { IdentityConfig } from '#libs/identity';
import { signLinkToken } from '#libs/mail-contract';
import { councilRequest, opportunityRequest, profileRequest, universityRequest } from '#libs/testing';
import { accessProblems, dateTimesIn, type OpenApiDocument, openApiProblems, operationsOf, successSchemaOf } from './support/openapi-rules.js';
import { personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('the OpenAPI document', () => {
  let stack: TestStack;
  let document: OpenApiDocument;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    document = (await anonymous.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => stack.close());

  it('gives every operation its answers with schemas and examples, and its errors as problem details', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(20);
    expect(openApiProblems(document)).toEqual([]);
  });

  it('says of every operation whether it needs a token, as the API answers without one', async () => {
    expect(document.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    // Called as a stranger would: the examples for the path, no body. A signed-in operation refuses
    // before reading anything (401); a public one reads the request (200, 400, 404 and so on).
    const anonymously: Record<string, number> = {};
    for (const { name, method, path, operation } of operationsOf(document)) {
      const url = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').reduce((url, { name, example }) => url.replace(`{${name}}`, encodeURIComponent(String(example))), path);
      anonymously[name] = (await anonymous[method as 'get'](url)).status;
    }
    expect(accessProblems(document, anonymously)).toEqual([]);
    expect(anonymously['POST /api/subscriptions']).toBe(400);

    const broken: OpenApiDocument = structuredClone(document);
    broken.paths['/api/subscriptions']!.post!.security = [{ bearer: [] }];
    broken.paths['/api/universities']!.get!.security = [];
    expect(accessProblems(broken, anonymously).sort()).toEqual(
      ['POST /api/subscriptions claims a token but answers 400 without one', 'GET /api/universities is documented as public but answers 401 without a token'].sort(),
    );
  });

  it('documents the pages behind email links, and each answer in the type it is served as', async () => {
    const secret = app.get(IdentityConfig).LINK_SECRET;
    const subscriptionId = '8a1c0c4e-0f7e-4a58-9d8e-3f3c2b9d6a01';
    const links = {
      '/api/subscriptions/confirm/{token}': `/api/subscriptions/confirm/${signLinkToken(secret, { purpose: 'confirm', subscriptionId })}`,
      '/api/unsubscribe/{token}': `/api/unsubscribe/${signLinkToken(secret, { purpose: 'unsubscribe', subscriptionId })}`,
    };
    for (const [documented, url] of Object.entries(links)) {
      // No such subscription: the POSTs change nothing, and answer as for one.
      const answers = { get: [await anonymous.get(url)], post: [await anonymous.post(url).set('accept', 'text/html'), await anonymous.post(url)] };
      for (const [method, responses] of Object.entries(answers)) {
        const types = Object.keys(document.paths[documented]?.[method]?.responses?.['200']?.content ?? {});
        for (const { status, headers } of responses) {
          expect(status).toBe(200);
          expect(types).toContain(headers['content-type']!.split(';')[0]);
        }
      }
    }
  });

  it('is linked from the API\'s own address, with health and signing in', async () => {
    const index = (await anonymous.get('/api').expect(200)).body;
    // The test stack serves no Swagger UI, so there is no page to link to.
    expect(index.links).toEqual({ docs: null, openapi: '/api/docs-json', health: '/api/health', signIn: '/api/auth/login' });
    for (const link of [index.links.openapi, index.links.health]) expect((await anonymous.get(link)).status).toBe(200);
    expect(document.paths['/api']).toBeDefined();
  });

  it('holds no working sign-in among its examples', async () => {
    // The development admin, whom the test stack signs in as.
    const text = JSON.stringify(document);
    for (const secret of ['admin@example.org', 'development-admin-password']) expect(text).not.toContain(secret);
    await admin.get('/api/me').expect(200);
    const login = document.components.schemas.LoginRequest!.properties!;
    await anonymous.post('/api/auth/login').send({ email: login.email!.example, password: login.password!.example }).expect(401);
  });

  it('notices what a document leaves out', () => {
    const broken: OpenApiDocument = structuredClone(document);
    const schemas = broken.components.schemas;
    delete schemas.MatchResponse!.properties!.status!.example;
    schemas.MatchResponse!.properties!.proposedAt!.example = '2027-03-02T10:00:00';
    delete broken.paths['/api/councils/{id}']!.get!.responses!['200']!.content;
    broken.paths['/api/councils/{id}']!.get!.responses!['404']!.content = { 'application/json': { schema: { type: 'object' } } };
    delete broken.paths['/api/matches']!.post!.requestBody!.content;
    delete broken.paths['/api/universities']!.get!.responses!['401'];
    delete broken.paths['/api/matches/{id}/calendar']!.get!.responses!['200']!.content!['text/calendar']!.schema!.example;
    delete broken.paths['/api/auth/login']!.post!.security;
    broken.paths['/api/me']!.get!.security = [{ session: [] }];
    expect(openApiProblems(broken).sort()).toEqual(
      [
        'MatchResponse.status has no example',
        "MatchResponse.proposedAt's example 2027-03-02T10:00:00 is not a date and time with an offset",
        'GET /api/councils/{id} answers 200 without a schema',
        'GET /api/councils/{id} answers 404 with something other than problem details',
        'POST /api/matches takes a body without a schema',
        'GET /api/universities needs a token but documents no 401',
        'GET /api/matches/{id}/calendar answers 200 text/calendar without an example',
        'POST /api/auth/login does not say whether it needs a token',
        'GET /api/me needs the session scheme, which the document does not define',
      ].sort(),
    );
  });

  it('shows every date and time it answers with as the clock reads in Europe/London, with the offset', async () => {
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const partnership = (await admin.post('/api/partnerships').send({ name: 'Dates', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    const academic = await personWith(app, admin, 'academic', { universityId: uea });
    const practitioner = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    await practitioner.http.put('/api/me/profile').send(profileRequest()).expect(200);
    // A session in British Summer Time and one in winter, sent in UTC.
    const sessions = [
      { startsAt: '2099-07-01T09:00:00Z', endsAt: '2099-07-01T11:00:00Z', place: 'UEA' },
      { startsAt: '2099-12-01T09:00:00Z', endsAt: '2099-12-01T11:00:00Z', place: 'UEA' },
    ];
    const created = await academic.http.post('/api/opportunities').send(opportunityRequest(partnership, { sessions, closesAt: '2099-06-20T16:00:00Z' })).expect(201);
    const opportunity = created.body.id;
    expect(created.body.sessions.map((session: { startsAt: string }) => session.startsAt)).toEqual(['2099-07-01T10:00:00.000+01:00', '2099-12-01T09:00:00.000+00:00']);
    expect(created.body.closesAt).toBe('2099-06-20T17:00:00.000+01:00');
    await academic.http.post(`/api/opportunities/${opportunity}/publish`).expect(200);
    const application = (await practitioner.http.post(`/api/opportunities/${opportunity}/applications`).send({ statement: 'Yes.' }).expect(201)).body.id;
    const match = (await admin.post('/api/matches').send({ applicationId: application }).expect(201)).body.id;
    await admin.post(`/api/matches/${match}/approve`).send({}).expect(200);

    const answers: [string, string, string, typeof admin][] = [
      ['get', '/api/universities/{id}', `/api/universities/${uea}`, admin],
      ['get', '/api/councils', '/api/councils', admin],
      ['get', '/api/partnerships/{id}', `/api/partnerships/${partnership}`, admin],
      ['get', '/api/partnerships/{id}/audit', `/api/partnerships/${partnership}/audit`, admin],
      ['get', '/api/opportunities', '/api/opportunities', practitioner.http],
      ['get', '/api/me/profile', '/api/me/profile', practitioner.http],
      ['get', '/api/me/applications', '/api/me/applications', practitioner.http],
      ['get', '/api/opportunities/{id}/matches', `/api/opportunities/${opportunity}/matches`, academic.http],
      ['get', '/api/opportunities/{id}/decisions', `/api/opportunities/${opportunity}/decisions`, academic.http],
      ['get', '/api/matches/{id}', `/api/matches/${match}`, practitioner.http],
    ];
    const shown: string[] = [];
    for (const [method, documentPath, path, client] of answers) {
      const body = (await client.get(path).expect(200)).body;
      shown.push(...dateTimesIn(document, successSchemaOf(document, method, documentPath), body));
    }
    const invited = await admin.post('/api/invitations').send({ email: 'dates@example.org', displayName: 'D', role: 'practitioner', councilId: norfolk }).expect(201);
    shown.push(...dateTimesIn(document, successSchemaOf(document, 'post', '/api/invitations'), invited.body));

    expect(shown.length).toBeGreaterThan(20);
    for (const value of shown) {
      expect(value).toMatch(DATE_TIME_WITH_OFFSET);
      expect(londonDateTime(new Date(value))).toBe(value);
    }
  });
});
