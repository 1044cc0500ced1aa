import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { opportunityRequest } from '#libs/testing';
import type { Person } from './support/people.js';
import { partnershipWorld, type WorldIds } from './support/partnership-world.js';
import { TestStack } from './support/test-stack.js';

describe('matches', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let ids: WorldIds;
  let academic: Person;
  let lead: Person;
  let otherLead: Person;
  let otherAcademic: Person;
  let practitioners: Person[];

  async function publishedOpportunity(capacity: number): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(ids.partnershipA, { capacity })).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }

  const apply = async (person: Person, opportunityId: string) =>
    (await person.http.post(`/api/opportunities/${opportunityId}/applications`).send({ statement: 'I would like to.' }).expect(201)).body.id as string;
  const propose = async (applicationId: string) => (await lead.http.post('/api/matches').send({ applicationId }).expect(201)).body.id as string;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const world = await partnershipWorld(app, admin, { practitioners: 3, otherAcademic: true, otherLead: true });
    ({ ids, lead, academic, otherAcademic, otherLead, practitioners } = world);
  });
  afterAll(() => stack.close());

  it('proposes a match from an application, which the lead approves or rejects, and the practitioner sees', async () => {
    const opportunity = await publishedOpportunity(2);
    const [alex, blair] = practitioners as [Person, Person];
    const alexMatch = await propose(await apply(alex, opportunity));
    const blairMatch = await propose(await apply(blair, opportunity));

    const approved = await lead.http.post(`/api/matches/${alexMatch}/approve`).send({ note: 'Welcome aboard.' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', note: 'Welcome aboard.', practitionerId: alex.id, decidedAt: expect.any(String) });
    const rejected = await lead.http.post(`/api/matches/${blairMatch}/reject`).send({ note: 'Thank you: next time.' }).expect(200);
    expect(rejected.body.status).toBe('rejected');

    expect((await alex.http.get('/api/me/matches').expect(200)).body).toEqual([approved.body]);
    expect((await academic.http.get(`/api/opportunities/${opportunity}/matches`).expect(200)).body).toHaveLength(2);
    await alex.http.get(`/api/opportunities/${opportunity}/matches`).expect(403);

    const events = await stack.query<{ type: string }>(`SELECT type FROM outbox_events WHERE type LIKE 'match.%' AND aggregate_id = ANY($1) ORDER BY position`, [
      [alexMatch, blairMatch],
    ]);
    expect(events.map((e) => e.type)).toEqual(['match.proposed', 'match.proposed', 'match.approved', 'match.rejected']);
  });

  it('is decided once, by the partnership\'s leads only', async () => {
    const opportunity = await publishedOpportunity(3);
    const application = await apply(practitioners[0]!, opportunity);
    const match = await propose(application);
    await lead.http.post('/api/matches').send({ applicationId: application }).expect(409);
    await academic.http.post(`/api/matches/${match}/approve`).send({}).expect(403);
    await otherLead.http.post(`/api/matches/${match}/approve`).send({}).expect(404);
    await otherLead.http.post('/api/matches').send({ applicationId: application }).expect(404);
    await practitioners[0]!.http.post(`/api/matches/${match}/approve`).send({}).expect(403);
    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(200);
    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(409);
    await lead.http.post(`/api/matches/${match}/reject`).send({}).expect(409);
    await lead.http.post('/api/matches/00000000-0000-4000-8000-000000000000/approve').send({}).expect(404);
    await lead.http.post(`/api/matches/${match}/approve`).send({ note: 'n'.repeat(1001) }).expect(400);
  });

  describe('proposed by the host academic', () => {
    const setting = (person: Person, academicsMayProposeMatches: unknown) =>
      person.http.patch(`/api/partnerships/${ids.partnershipA}/settings`).send({ academicsMayProposeMatches });
    afterEach(() => setting(lead, false).expect(200));

    it('only when the partnership lets academics propose, as its leads decide', async () => {
      const opportunity = await publishedOpportunity(2);
      const application = await apply(practitioners[0]!, opportunity);
      expect((await academic.http.get(`/api/partnerships/${ids.partnershipA}/settings`).expect(200)).body).toEqual({ academicsMayProposeMatches: false, listsPublicly: false });
      const refused = await academic.http.post('/api/matches').send({ applicationId: application }).expect(403);
      expect(refused.body.detail).toContain('settings');

      expect((await setting(lead, true).expect(200)).body).toEqual({ academicsMayProposeMatches: true, listsPublicly: false });
      expect((await practitioners[0]!.http.get(`/api/partnerships/${ids.partnershipA}/settings`).expect(200)).body.academicsMayProposeMatches).toBe(true);
      await otherAcademic.http.post('/api/matches').send({ applicationId: application }).expect(403);
      const proposed = await academic.http.post('/api/matches').send({ applicationId: application }).expect(201);
      expect(proposed.body).toMatchObject({ status: 'proposed', applicationId: application, practitionerId: practitioners[0]!.id });
      const [by] = await stack.query<{ proposed_by: string }>(`SELECT proposed_by FROM matches WHERE id = $1`, [proposed.body.id]);
      expect(by!.proposed_by).toBe(academic.id);
      // Proposing is all the setting allows: deciding stays with the leads.
      await academic.http.post(`/api/matches/${proposed.body.id}/approve`).send({}).expect(403);

      await setting(lead, false).expect(200);
      const later = await apply(practitioners[1]!, opportunity);
      await academic.http.post('/api/matches').send({ applicationId: later }).expect(403);
    });

    it('is changed only by the partnership\'s leads and admins, and shows in the audit trail', async () => {
      await setting(academic, true).expect(403);
      await setting(practitioners[0]!, true).expect(403);
      await setting(otherLead, true).expect(404);
      await otherLead.http.get(`/api/partnerships/${ids.partnershipA}/settings`).expect(404);
      await lead.http.patch('/api/partnerships/00000000-0000-4000-8000-000000000000/settings').send({ academicsMayProposeMatches: true }).expect(404);
      await admin.patch(`/api/partnerships/${ids.partnershipA}/settings`).send({ academicsMayProposeMatches: true }).expect(200);
      await setting(lead, true).expect(200);
      await setting(lead, false).expect(200);

      const adminId = (await admin.get('/api/me').expect(200)).body.id;
      const audit = await lead.http.get(`/api/partnerships/${ids.partnershipA}/audit?type=partnership.settings_changed`).expect(200);
      // Newest first; the lead's second `true`, already so, changed nothing and left no entry.
      expect(audit.body.items.slice(0, 2).map((entry: { actorId: string; details: { settings: object } }) => [entry.actorId, entry.details.settings])).toEqual([
        [lead.id, { academicsMayProposeMatches: false, listsPublicly: false }],
        [adminId, { academicsMayProposeMatches: true, listsPublicly: false }],
      ]);
      expect(audit.body.items[0].details.changed).toEqual(['academicsMayProposeMatches']);
    });

    it('refuses invalid settings with problem details, changing nothing', async () => {
      for (const body of [{ academicsMayProposeMatches: 'yes' }, { academicsMayProposeMatches: null }, {}, { academicsMayProposeMatches: true, leadsOnly: true }]) {
        const response = await lead.http.patch(`/api/partnerships/${ids.partnershipA}/settings`).send(body).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.errors.length).toBeGreaterThan(0);
      }
      await lead.http.patch(`/api/partnerships/not-a-uuid/settings`).send({ academicsMayProposeMatches: true }).expect(400);
      expect((await lead.http.get(`/api/partnerships/${ids.partnershipA}/settings`).expect(200)).body.academicsMayProposeMatches).toBe(false);
    });
  });

  it('does not match a withdrawn application', async () => {
    const opportunity = await publishedOpportunity(3);
    const application = await apply(practitioners[1]!, opportunity);
    await practitioners[1]!.http.post(`/api/applications/${application}/withdraw`).expect(200);
    await lead.http.post('/api/matches').send({ applicationId: application }).expect(409);
  });

  it('fills the opportunity with its last place: no more approvals, applications or capacity below the places taken', async () => {
    const opportunity = await publishedOpportunity(1);
    const first = await propose(await apply(practitioners[0]!, opportunity));
    const second = await propose(await apply(practitioners[1]!, opportunity));
    await lead.http.post(`/api/matches/${first}/approve`).send({}).expect(200);
    expect((await academic.http.get(`/api/opportunities/${opportunity}`).expect(200)).body.status).toBe('filled');
    const full = await lead.http.post(`/api/matches/${second}/approve`).send({}).expect(409);
    expect(full.body.detail).toContain('filled');
    await practitioners[2]!.http.post(`/api/opportunities/${opportunity}/applications`).send({ statement: 'Me?' }).expect(409);
    const filled = await stack.query(`SELECT 1 FROM outbox_events WHERE type = 'opportunity.filled' AND aggregate_id = $1`, [opportunity]);
    expect(filled).toHaveLength(1);
  });

  it('refuses to drop a published opportunity\'s capacity below the places taken', async () => {
    const opportunity = await publishedOpportunity(3);
    for (const person of practitioners.slice(0, 2)) {
      await lead.http.post(`/api/matches/${await propose(await apply(person, opportunity))}/approve`).send({}).expect(200);
    }
    const current = (await academic.http.get(`/api/opportunities/${opportunity}`).expect(200)).body;
    const { id: _id, partnershipId: _p, host: _h, type: _t, status: _s, cancellationReason: _c, placesLeft: _l, applicationCount: _n, actions: _a, eligibility: _e, createdAt: _ca, updatedAt: _u, ...editable } = current;
    const refused = await academic.http.put(`/api/opportunities/${opportunity}`).send({ ...editable, capacity: 1 }).expect(409);
    expect(refused.body.detail).toContain('2 places are taken');
    await academic.http.put(`/api/opportunities/${opportunity}`).send({ ...editable, capacity: 2 }).expect(200);
  });

  it('with 50 approvals at once for 5 places, approves exactly 5 and refuses the rest', async () => {
    const opportunity = await publishedOpportunity(5);
    // Fifty applicants made straight in the database: the race being tested is the approvals.
    const matchIds = await stack.query<{ id: string }>(
      `WITH people AS (
         INSERT INTO users (email, display_name, role, council_id)
         SELECT 'applicant' || n || '@example.org', 'Applicant ' || n, 'practitioner', $2 FROM generate_series(1, 50) AS n
         RETURNING id),
       applied AS (
         INSERT INTO applications (opportunity_id, practitioner_id, statement, status)
         SELECT $1, id, 'Please.', 'submitted' FROM people RETURNING id, practitioner_id)
       INSERT INTO matches (opportunity_id, practitioner_id, application_id, status, proposed_by)
       SELECT $1, practitioner_id, id, 'proposed', $3 FROM applied RETURNING id`,
      [opportunity, ids.norfolk, lead.id],
    );
    expect(matchIds).toHaveLength(50);

    const responses = await Promise.all(matchIds.map(({ id }) => lead.http.post(`/api/matches/${id}/approve`).send({})));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 409)).toHaveLength(45);

    const [taken] = await stack.query<{ count: string }>(`SELECT count(*) FROM matches WHERE opportunity_id = $1 AND status = 'approved'`, [opportunity]);
    expect(Number(taken!.count)).toBe(5);
    expect((await academic.http.get(`/api/opportunities/${opportunity}`).expect(200)).body.status).toBe('filled');
    expect(await stack.query(`SELECT 1 FROM outbox_events WHERE type = 'opportunity.filled' AND aggregate_id = $1`, [opportunity])).toHaveLength(1);
  });
});
