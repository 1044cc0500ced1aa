import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('a partnership\'s audit trail', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let partnershipA: string;
  let lead: Person;
  let otherLead: Person;
  let academic: Person;
  let practitioner: Person;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipA = (await admin.post('/api/partnerships').send({ name: 'A', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    const partnershipB = (await admin.post('/api/partnerships').send({ name: 'B' }).expect(201)).body.id;
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipA}/leads`).send({ userId: lead.id }).expect(201);
    otherLead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipB}/leads`).send({ userId: otherLead.id }).expect(201);
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    practitioner = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    await practitioner.http
      .put('/api/me/profile')
      .send({ careerStage: 'social_worker', pepsStage: 0, specialisms: [], availability: { weekdays: [1], unavailable: [] }, preferredFormats: ['online'], maxOpportunitiesPerTerm: 2 })
      .expect(200);

    const opportunity = (
      await academic.http
        .post('/api/opportunities')
        .send({
          partnershipId: partnershipA,
          type: 'teaching',
          title: 'Lecture',
          description: 'A lecture.',
          sessions: [{ startsAt: '2099-03-02T10:00:00Z', endsAt: '2099-03-02T12:00:00Z', place: 'UEA' }],
          capacity: 1,
          requiredSpecialisms: [],
          minimumCareerStage: 'student',
          closesAt: '2099-02-20T17:00:00Z',
          contact: 'Host',
        })
        .expect(201)
    ).body.id;
    await academic.http.post(`/api/opportunities/${opportunity}/publish`).expect(200);
    const application = (await practitioner.http.post(`/api/opportunities/${opportunity}/applications`).send({ statement: 'Yes.' }).expect(201)).body.id;
    const match = (await lead.http.post('/api/matches').send({ applicationId: application }).expect(201)).body.id;
    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(200);
  });
  afterAll(() => stack.close());

  const trail = async (client: Person['http'], query: Record<string, unknown> = {}) =>
    (await client.get(`/api/partnerships/${partnershipA}/audit`).query({ limit: 100, ...query }).expect(200)).body.items as {
      type: string;
      actorId: string | null;
      actorName: string | null;
    }[];

  it('tells the lead who did what, newest first', async () => {
    const entries = await trail(lead.http);
    expect(entries.map((entry) => entry.type)).toEqual([
      'opportunity.filled',
      'match.approved',
      'match.proposed',
      'application.submitted',
      'opportunity.published',
      'opportunity.drafted',
      'partnership.lead_appointed',
      'partnership.member_added',
      'partnership.member_added',
      'partnership.formed',
    ]);
    expect(entries[1]).toMatchObject({ actorId: lead.id, actorName: 'A partnership_lead', recordType: 'match', details: expect.objectContaining({ practitionerId: practitioner.id }) });
    expect(entries[3]).toMatchObject({ actorId: practitioner.id, recordType: 'application' });
  });

  it('filters by kind of event and by person, and pages without repeats', async () => {
    expect((await trail(lead.http, { type: 'match' })).map((entry) => entry.type)).toEqual(['match.approved', 'match.proposed']);
    expect((await trail(lead.http, { actorId: academic.id })).map((entry) => entry.type)).toEqual(['opportunity.published', 'opportunity.drafted']);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await lead.http.get(`/api/partnerships/${partnershipA}/audit`).query({ limit: 3, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...page.body.items.map((entry: { eventId: string }) => entry.eventId));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it('is for the partnership\'s leads and admins only', async () => {
    expect(await trail(admin)).toHaveLength(10);
    await academic.http.get(`/api/partnerships/${partnershipA}/audit`).expect(403);
    await practitioner.http.get(`/api/partnerships/${partnershipA}/audit`).expect(403);
    await otherLead.http.get(`/api/partnerships/${partnershipA}/audit`).expect(404);
    await admin.get('/api/partnerships/00000000-0000-4000-8000-000000000000/audit').expect(404);
  });

  it.each([['cursor=abc'], ['type=DROP TABLE'], ['actorId=me'], ['limit=0']])('refuses %s with 400', async (query) => {
    await lead.http.get(`/api/partnerships/${partnershipA}/audit?${query}`).expect(400);
  });
});
