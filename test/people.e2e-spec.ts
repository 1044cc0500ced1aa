import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, universityRequest } from '#libs/testing';
import { PASSWORD, type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

type Client = Person['http'];

describe('people and invitations', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Client;
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let partnershipA: string;
  let partnershipB: string;
  let uea: string;
  let norfolk: string;
  let suffolk: string;
  let lead: Person;
  let otherLead: Person;
  let practitioner: Person;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    uea = (await admin.post('/api/universities').send(universityRequest({ name: 'University of East Anglia' })).expect(201)).body.id;
    norfolk = (await admin.post('/api/councils').send(councilRequest({ name: 'Norfolk County Council' })).expect(201)).body.id;
    suffolk = (await admin.post('/api/councils').send(councilRequest({ name: 'Suffolk County Council' })).expect(201)).body.id;
    partnershipA = (await admin.post('/api/partnerships').send({ name: 'A', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    partnershipB = (await admin.post('/api/partnerships').send({ name: 'B', councilIds: [suffolk] }).expect(201)).body.id;
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipA}/leads`).send({ userId: lead.id }).expect(201);
    otherLead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipB}/leads`).send({ userId: otherLead.id }).expect(201);
    practitioner = await personWith(app, admin, 'practitioner', { councilId: norfolk });
  });
  afterAll(() => stack.close());

  const invite = async (client: Client, body: Record<string, unknown>) => (await client.post('/api/invitations').send(body).expect(201)).body as { userId: string; invitationId: string; invitationToken: string };
  const people = async (client: Client, query: Record<string, unknown> = {}) =>
    (await client.get('/api/people').query({ limit: 100, ...query }).expect(200)).body.items as {
      id: string;
      email: string;
      status: string;
      role: string;
      organisation: { type: string; id: string; name: string } | null;
      invitation: { id: string; expiresAt: string } | null;
      activatedAt: string | null;
    }[];
  const emails = async (client: Client, query: Record<string, unknown> = {}) => (await people(client, query)).map((person) => person.email);

  describe('GET /api/people', () => {
    let suffolkPractitioner: Person;
    beforeAll(async () => {
      suffolkPractitioner = await personWith(app, admin, 'practitioner', { councilId: suffolk });
      await invite(admin, { email: 'invited.academic@uea.example', displayName: 'Ivy Academic', role: 'academic', universityId: uea });
    });

    it('shows an admin everyone, by name, with their organisation and status', async () => {
      const everyone = await people(admin);
      expect(everyone.map((person) => person.email)).toEqual(expect.arrayContaining(['admin@example.org', lead.email, otherLead.email, practitioner.email, suffolkPractitioner.email, 'invited.academic@uea.example']));
      const ivy = everyone.find((person) => person.email === 'invited.academic@uea.example')!;
      expect(ivy).toMatchObject({ role: 'academic', status: 'invited', organisation: { type: 'university', id: uea, name: 'University of East Anglia' }, activatedAt: null });
      expect(ivy.invitation).toMatchObject({ id: expect.any(String) });
      const sam = everyone.find((person) => person.email === practitioner.email)!;
      expect(sam).toMatchObject({ status: 'active', organisation: { type: 'council', id: norfolk, name: 'Norfolk County Council' }, invitation: null });
      expect(sam.activatedAt).toEqual(expect.any(String));
    });

    it("shows a lead their partnerships' people and leads, and no one else's", async () => {
      const seen = await emails(lead.http);
      expect(seen).toEqual(expect.arrayContaining([lead.email, practitioner.email, 'invited.academic@uea.example']));
      expect(seen).not.toContain(suffolkPractitioner.email);
      expect(seen).not.toContain(otherLead.email);
      expect(seen).not.toContain('admin@example.org');
    });

    it('filters by role, status, organisation, partnership and a word of the name or email', async () => {
      expect(await emails(lead.http, { role: 'academic' })).toEqual(['invited.academic@uea.example']);
      expect(await emails(lead.http, { status: 'invited' })).toEqual(['invited.academic@uea.example']);
      expect(await emails(admin, { organisationId: suffolk })).toEqual([suffolkPractitioner.email]);
      expect(await emails(admin, { partnershipId: partnershipB })).toEqual(expect.arrayContaining([suffolkPractitioner.email, otherLead.email]));
      expect(await emails(admin, { partnershipId: partnershipB })).not.toContain(practitioner.email);
      expect(await emails(lead.http, { q: 'IVY' })).toEqual(['invited.academic@uea.example']);
      expect(await emails(lead.http, { q: 'uea.example' })).toEqual(['invited.academic@uea.example']);
      expect(await emails(lead.http, { q: '%' })).toEqual([]);
    });

    it('shows an invitation that ran out as expired', async () => {
      const lapsed = await invite(lead.http, { email: 'lapsed@norfolk.example', displayName: 'Lapsed Person', role: 'practitioner', councilId: norfolk });
      await stack.query(`UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE id = $1`, [lapsed.invitationId]);
      const [person] = await people(lead.http, { q: 'lapsed@' });
      expect(person).toMatchObject({ status: 'expired', invitation: { id: lapsed.invitationId } });
    });

    it('pages by name with a cursor', async () => {
      const first = (await admin.get('/api/people').query({ limit: 2 }).expect(200)).body;
      expect(first.items).toHaveLength(2);
      const second = (await admin.get('/api/people').query({ limit: 2, cursor: first.nextCursor }).expect(200)).body;
      const all = await emails(admin);
      expect([...first.items, ...second.items].map((person: { email: string }) => person.email)).toEqual(all.slice(0, 4));
    });

    it("answers 404 for another partnership's people, 403 to anyone but leads and admins", async () => {
      await lead.http.get('/api/people').query({ partnershipId: partnershipB }).expect(404);
      await practitioner.http.get('/api/people').expect(403);
      await anonymous.get('/api/people').expect(401);
    });

    it("gets one person in the caller's scope, and 404 for anyone else", async () => {
      expect((await lead.http.get(`/api/people/${practitioner.id}`).expect(200)).body).toMatchObject({ email: practitioner.email, status: 'active' });
      await lead.http.get(`/api/people/${suffolkPractitioner.id}`).expect(404);
      await admin.get(`/api/people/${suffolkPractitioner.id}`).expect(200);
      await practitioner.http.get(`/api/people/${practitioner.id}`).expect(403);
      await lead.http.get('/api/people/not-a-uuid').expect(400);
    });

    it('refuses a bad query (400)', async () => {
      for (const query of [{ role: 'wizard' }, { status: 'asleep' }, { organisationId: 'not-a-uuid' }, { limit: 0 }, { cursor: 'bm90LWEtY3Vyc29y' }, { shoeSize: 9 }]) {
        const answer = await admin.get('/api/people').query(query).expect(400);
        expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });
  });

  describe('re-sending an invitation', () => {
    it('replaces the invitation: a new link works, the old one no longer does, and the email event goes out again', async () => {
      const first = await invite(lead.http, { email: 'resent@norfolk.example', displayName: 'Resent Person', role: 'practitioner', councilId: norfolk });
      const resent = (await lead.http.post(`/api/invitations/${first.invitationId}/resend`).expect(201)).body;
      expect(resent).toMatchObject({ userId: first.userId, email: 'resent@norfolk.example', role: 'practitioner' });
      expect(resent.invitationId).not.toBe(first.invitationId);
      expect(resent.invitationToken).not.toBe(first.invitationToken);

      const events = await stack.query<{ type: string; partnership_id: string; actor_id: string; payload: { invitationId: string } }>(
        `SELECT type, partnership_id, actor_id, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY position`,
        [first.userId],
      );
      expect(events.map((event) => [event.type, event.payload.invitationId])).toEqual([
        ['user.invited', first.invitationId],
        ['user.invited', resent.invitationId],
      ]);
      expect(events[1]).toMatchObject({ partnership_id: partnershipA, actor_id: lead.id });

      await anonymous.post('/api/invitations/accept').send({ token: first.invitationToken, password: PASSWORD }).expect(400);
      await lead.http.post(`/api/invitations/${first.invitationId}/resend`).expect(404);
      await anonymous.post('/api/invitations/accept').send({ token: resent.invitationToken, password: PASSWORD }).expect(200);
      await lead.http.post(`/api/invitations/${resent.invitationId}/resend`).expect(409);
    });

    it('re-sends an expired invitation, which is open again', async () => {
      const lapsed = await invite(admin, { email: 'lapsed.academic@uea.example', displayName: 'Lapsed Academic', role: 'academic', universityId: uea });
      await stack.query(`UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE id = $1`, [lapsed.invitationId]);
      const resent = (await admin.post(`/api/invitations/${lapsed.invitationId}/resend`).expect(201)).body;
      const [person] = await people(admin, { q: 'lapsed.academic' });
      expect(person).toMatchObject({ status: 'invited', invitation: { id: resent.invitationId } });
    });

    it("is another partnership's business (404), not a practitioner's (403), and leads' invitations are the admins' (403)", async () => {
      const invited = await invite(lead.http, { email: 'scoped@norfolk.example', displayName: 'Scoped Person', role: 'practitioner', councilId: norfolk });
      await otherLead.http.post(`/api/invitations/${invited.invitationId}/resend`).expect(404);
      await practitioner.http.post(`/api/invitations/${invited.invitationId}/resend`).expect(403);
      await lead.http.post('/api/invitations/not-a-uuid/resend').expect(400);
      await lead.http.post('/api/invitations/4f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0/resend').expect(404);

      const invitedLead = await invite(admin, { email: 'new.lead@example.org', displayName: 'New Lead', role: 'partnership_lead' });
      await lead.http.post(`/api/invitations/${invitedLead.invitationId}/resend`).expect(404);
      await admin.post(`/api/partnerships/${partnershipA}/leads`).send({ userId: invitedLead.userId }).expect(201);
      await lead.http.post(`/api/invitations/${invitedLead.invitationId}/resend`).expect(403);
      await admin.post(`/api/invitations/${invitedLead.invitationId}/resend`).expect(201);
    });
  });

  describe('withdrawing an invitation', () => {
    it('removes the invited person, so the link fails and the email can be invited again', async () => {
      const invited = await invite(lead.http, { email: 'typo@norfolk.example', displayName: 'Typo Person', role: 'practitioner', councilId: norfolk });
      await lead.http.delete(`/api/invitations/${invited.invitationId}`).expect(204);
      expect(await emails(lead.http, { q: 'typo@' })).toEqual([]);
      await anonymous.post('/api/invitations/accept').send({ token: invited.invitationToken, password: PASSWORD }).expect(400);
      await lead.http.delete(`/api/invitations/${invited.invitationId}`).expect(404);

      const [event] = await stack.query<{ type: string; partnership_id: string; payload: object }>(
        `SELECT type, partnership_id, payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'user.invitation_withdrawn'`,
        [invited.userId],
      );
      expect(event).toEqual({ type: 'user.invitation_withdrawn', partnership_id: partnershipA, payload: { userId: invited.userId, invitationId: invited.invitationId, email: 'typo@norfolk.example' } });
      await invite(lead.http, { email: 'typo@norfolk.example', displayName: 'Typo Person', role: 'practitioner', councilId: norfolk });
    });

    it('refuses an accepted invitation (409), another partnership (404) and a practitioner (403)', async () => {
      const invited = await invite(lead.http, { email: 'accepted@norfolk.example', displayName: 'Accepted Person', role: 'practitioner', councilId: norfolk });
      await otherLead.http.delete(`/api/invitations/${invited.invitationId}`).expect(404);
      await practitioner.http.delete(`/api/invitations/${invited.invitationId}`).expect(403);
      await lead.http.delete('/api/invitations/not-a-uuid').expect(400);
      await anonymous.post('/api/invitations/accept').send({ token: invited.invitationToken, password: PASSWORD }).expect(200);
      await lead.http.delete(`/api/invitations/${invited.invitationId}`).expect(409);
      expect(await emails(lead.http, { q: 'accepted@' })).toEqual(['accepted@norfolk.example']);
    });
  });

  describe("a lead's members", () => {
    it("lets a lead add and remove their partnership's members, and no other partnership's (404)", async () => {
      await lead.http.post(`/api/partnerships/${partnershipA}/members`).send({ organisationType: 'council', organisationId: suffolk }).expect(201);
      await lead.http.post(`/api/partnerships/${partnershipA}/members`).send({ organisationType: 'council', organisationId: suffolk }).expect(409);
      await lead.http.post(`/api/partnerships/${partnershipB}/members`).send({ organisationType: 'university', organisationId: uea }).expect(404);
      await practitioner.http.post(`/api/partnerships/${partnershipA}/members`).send({ organisationType: 'council', organisationId: suffolk }).expect(403);
      await otherLead.http.delete(`/api/partnerships/${partnershipA}/members/${suffolk}`).expect(404);
      await lead.http.delete(`/api/partnerships/${partnershipA}/members/${suffolk}`).expect(204);
      const members = (await lead.http.get(`/api/partnerships/${partnershipA}`).expect(200)).body.members.map((member: { organisationId: string }) => member.organisationId);
      expect(members).not.toContain(suffolk);
    });
  });

  describe('the audit trail by record and by person', () => {
    it("filters by a record's id and lists who made changes", async () => {
      const invited = await invite(lead.http, { email: 'audited@norfolk.example', displayName: 'Audited Person', role: 'practitioner', councilId: norfolk });
      await lead.http.post(`/api/invitations/${invited.invitationId}/resend`).expect(201);
      const entries = (await lead.http.get(`/api/partnerships/${partnershipA}/audit`).query({ recordId: invited.userId }).expect(200)).body.items;
      expect(entries.map((entry: { type: string; recordId: string }) => [entry.type, entry.recordId])).toEqual([
        ['user.invited', invited.userId],
        ['user.invited', invited.userId],
      ]);
      const byLead = (await lead.http.get(`/api/partnerships/${partnershipA}/audit`).query({ actorId: lead.id, limit: 100 }).expect(200)).body.items;
      expect(byLead.length).toBeGreaterThan(2);
      expect(byLead.every((entry: { actorId: string }) => entry.actorId === lead.id)).toBe(true);

      const actors = (await lead.http.get(`/api/partnerships/${partnershipA}/audit/people`).expect(200)).body;
      expect(actors).toEqual(expect.arrayContaining([{ id: lead.id, displayName: 'A partnership_lead' }]));
      expect(actors.map((actor: { id: string }) => actor.id)).not.toContain(otherLead.id);
      await otherLead.http.get(`/api/partnerships/${partnershipA}/audit/people`).expect(404);
      await practitioner.http.get(`/api/partnerships/${partnershipA}/audit/people`).expect(403);
      await lead.http.get(`/api/partnerships/${partnershipA}/audit`).query({ recordId: 'no spaces; or semicolons' }).expect(400);
      await lead.http.post(`/api/partnerships/${partnershipA}/specialisms`).send({ code: 'rural_practice', label: 'Rural practice' }).expect(201);
      const specialism = (await lead.http.get(`/api/partnerships/${partnershipA}/audit`).query({ recordId: 'rural_practice' }).expect(200)).body.items;
      expect(specialism.map((entry: { type: string }) => entry.type)).toEqual(['specialism.added']);
    });
  });
});
