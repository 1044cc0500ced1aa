import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, inDays, opportunityRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe('a partnership listing publicly', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let listed: string;
  let unlisted: string;
  let lead: Person;
  let academic: Person;
  let otherLead: Person;

  async function published(partnershipId: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, overrides)).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    listed = (await admin.post('/api/partnerships').send({ name: 'Listed', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    unlisted = (await admin.post('/api/partnerships').send({ name: 'Unlisted', universityIds: [uea] }).expect(201)).body.id;
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${listed}/leads`).send({ userId: lead.id }).expect(201);
    otherLead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${unlisted}/leads`).send({ userId: otherLead.id }).expect(201);
  });
  afterAll(() => stack.close());

  it('lists nothing until a lead chooses to, and then only that partnership', async () => {
    expect((await anonymous.get('/api/public/partnerships').expect(200)).body).toEqual({ items: [], nextCursor: null });
    await anonymous.get(`/api/public/partnerships/${listed}`).expect(404);
    await anonymous.get(`/api/public/partnerships/${listed}/opportunities`).expect(404);

    const changed = await lead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: true }).expect(200);
    expect(changed.body).toEqual({ academicsMayProposeMatches: false, listsPublicly: true });

    const partnerships = (await anonymous.get('/api/public/partnerships').expect(200)).body;
    expect(partnerships.items.map((p: { id: string }) => p.id)).toEqual([listed]);
    const partnership = (await anonymous.get(`/api/public/partnerships/${listed}`).expect(200)).body;
    expect(partnership).toMatchObject({ id: listed, name: 'Listed', members: [{ organisationType: 'university' }, { organisationType: 'council' }] });
    // Who leads it is for those who work in it.
    expect(partnership).not.toHaveProperty('leads');
    await anonymous.get(`/api/public/partnerships/${unlisted}`).expect(404);
    await anonymous.get(`/api/public/partnerships/${unlisted}/opportunities`).expect(404);

    const audit = await lead.http.get(`/api/partnerships/${listed}/audit?type=partnership.settings_changed`).expect(200);
    expect(audit.body.items[0]).toMatchObject({ actorId: lead.id, details: { changed: ['listsPublicly'], settings: { listsPublicly: true } } });
  });

  it('shows open opportunities only, soonest first, without the contact, online link or counts', async () => {
    await lead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: true }).expect(200);
    const later = await published(listed, {
      title: 'Later',
      sessions: [{ startsAt: inDays(40), endsAt: inDays(40, 12), onlineLink: 'https://meet.example.org/secret-room' }],
    });
    const sooner = await published(listed, { title: 'Sooner' });
    const closed = await published(listed, { title: 'Closed' });
    await academic.http.post(`/api/opportunities/${closed}/close`).expect(200);
    await academic.http.post('/api/opportunities').send(opportunityRequest(listed, { title: 'Draft' })).expect(201);
    await published(unlisted, { title: 'Elsewhere' });

    const first = (await anonymous.get(`/api/public/partnerships/${listed}/opportunities?limit=1`).expect(200)).body;
    expect(first.items.map((o: { title: string }) => o.title)).toEqual(['Sooner']);
    const second = (await anonymous.get(`/api/public/partnerships/${listed}/opportunities?limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items.map((o: { id: string }) => o.id)).toEqual([later]);
    expect(second.nextCursor).toBeNull();

    const [opportunity] = second.items;
    expect(opportunity.sessions).toEqual([{ startsAt: expect.any(String), endsAt: expect.any(String), place: null, online: true }]);
    expect(JSON.stringify(opportunity)).not.toContain('secret-room');
    for (const field of ['contact', 'applicationCount', 'actions', 'status', 'capacity']) expect(opportunity).not.toHaveProperty(field);
    expect(first.items[0].id).toBe(sooner);
  });

  it('stops listing the moment a lead turns it off', async () => {
    await lead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: true }).expect(200);
    await anonymous.get(`/api/public/partnerships/${listed}/opportunities`).expect(200);
    await lead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: false }).expect(200);
    await anonymous.get(`/api/public/partnerships/${listed}/opportunities`).expect(404);
    expect((await anonymous.get('/api/public/partnerships').expect(200)).body.items).toEqual([]);
  });

  it('is changed only by the partnership\'s own leads and admins', async () => {
    await otherLead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: true }).expect(404);
    await academic.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: true }).expect(403);
    await lead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: 'yes' }).expect(400);
    expect((await admin.get(`/api/partnerships/${listed}/settings`).expect(200)).body.listsPublicly).toBe(false);
  });

  it('refuses bad requests with problem details', async () => {
    await lead.http.patch(`/api/partnerships/${listed}/settings`).send({ listsPublicly: true }).expect(200);
    for (const path of ['/api/public/partnerships/not-a-uuid', '/api/public/partnerships?limit=0', '/api/public/partnerships?colour=red', `/api/public/partnerships/${listed}/opportunities?cursor=nonsense`]) {
      const response = await anonymous.get(path).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
