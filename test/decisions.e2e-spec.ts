import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ical, { type VEvent } from 'node-ical';
import { inDays, opportunityRequest, profileRequest } from '#libs/testing';
import type { Person } from './support/people.js';
import { partnershipWorld } from './support/partnership-world.js';
import { TestStack } from './support/test-stack.js';

/** The reads a partnership lead decides from, and an approved match's calendar file. */
describe('decisions', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let partnership: string;
  let otherPartnership: string;
  let academic: Person;
  let lead: Person;
  let otherLead: Person;
  let practitioners: Person[];

  async function published(overrides: Record<string, unknown> = {}, partnershipId = partnership, by = academic): Promise<string> {
    const id = (await by.http.post('/api/opportunities').send(opportunityRequest(partnershipId, overrides)).expect(201)).body.id as string;
    await by.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }
  const apply = async (person: Person, opportunityId: string, statement = 'I would like to.') =>
    (await person.http.post(`/api/opportunities/${opportunityId}/applications`).send({ statement }).expect(201)).body.id as string;
  const propose = async (applicationId: string) => (await lead.http.post('/api/matches').send({ applicationId }).expect(201)).body.id as string;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const world = await partnershipWorld(app, admin, {
      practitioners: 4,
      profile: profileRequest({ careerStage: 'senior_practitioner', specialisms: ['child_protection'] }),
      otherLead: true,
      names: { partnershipA: 'Norfolk and Suffolk', partnershipB: 'Essex', norfolk: 'Norfolk County Council' },
    });
    ({ lead, academic, otherLead, practitioners } = world);
    ({ partnershipA: partnership, partnershipB: otherPartnership } = world.ids);
  });
  afterAll(() => stack.close());

  it('tells a new partnership’s lead that nothing waits for them', async () => {
    const empty = (await otherLead.http.get(`/api/partnerships/${otherPartnership}/decisions`).expect(200)).body;
    expect(empty).toEqual({ proposedMatches: [], waitingApplications: [], closingSoon: [], counts: { proposedMatches: 0, waitingApplications: 0, closingSoon: 0 } });
  });

  it('lists what waits for the lead: matches to decide, applications without one, and opportunities closing with places left', async () => {
    const [alex, blair, casey, drew] = practitioners as [Person, Person, Person, Person];
    const soon = await published({ title: 'Closing soon', capacity: 2, closesAt: inDays(5), sessions: [{ startsAt: inDays(9), endsAt: inDays(9, 12), place: 'UEA' }] });
    const later = await published({ title: 'Closing later', capacity: 1, closesAt: inDays(20) });
    const full = await published({ title: 'Closing soon but full', capacity: 1, closesAt: inDays(6), sessions: [{ startsAt: inDays(9), endsAt: inDays(9, 12), place: 'UEA' }] });

    const proposedMatch = await propose(await apply(alex, soon));
    const waiting = await apply(blair, soon, 'I chair child protection conferences.');
    const rejected = await propose(await apply(casey, later));
    await lead.http.post(`/api/matches/${rejected}/reject`).send({}).expect(200);
    await lead.http.post(`/api/matches/${await propose(await apply(drew, full))}/approve`).send({}).expect(200);
    // A withdrawn application waits for nobody.
    await drew.http.post(`/api/applications/${await apply(drew, later)}/withdraw`).expect(200);

    const decisions = (await lead.http.get(`/api/partnerships/${partnership}/decisions`).expect(200)).body;
    expect(decisions.proposedMatches).toEqual([
      {
        match: expect.objectContaining({ id: proposedMatch, status: 'proposed', practitionerId: alex.id }),
        practitioner: { id: alex.id, displayName: 'A practitioner', councilName: 'Norfolk County Council', careerStage: 'senior_practitioner', pepsStage: 1, specialisms: ['child_protection'] },
        opportunity: expect.objectContaining({ id: soon, title: 'Closing soon', capacity: 2, approved: 0, proposed: 1, status: 'published' }),
      },
    ]);
    expect(decisions.waitingApplications).toEqual([
      {
        application: expect.objectContaining({ id: waiting, statement: 'I chair child protection conferences.', status: 'submitted' }),
        practitioner: expect.objectContaining({ id: blair.id }),
        opportunity: expect.objectContaining({ id: soon }),
      },
    ]);
    expect(decisions.closingSoon.map((o: { title: string }) => o.title)).toEqual(['Closing soon']);
    expect(decisions.counts).toEqual({ proposedMatches: 1, waitingApplications: 1, closingSoon: 1 });

    // Once proposed, the application is in hand; once decided, the match is too.
    await lead.http.post(`/api/matches/${proposedMatch}/approve`).send({}).expect(200);
    const next = await propose(waiting);
    const after = (await lead.http.get(`/api/partnerships/${partnership}/decisions`).expect(200)).body;
    expect(after.proposedMatches.map((item: { match: { id: string } }) => item.match.id)).toEqual([next]);
    expect(after.waitingApplications).toEqual([]);
    expect(after.proposedMatches[0].opportunity).toMatchObject({ approved: 1, proposed: 1 });
  });

  it('is for the partnership’s leads: 404 for another partnership, 403 for the other roles in it', async () => {
    await otherLead.http.get(`/api/partnerships/${partnership}/decisions`).expect(404);
    await academic.http.get(`/api/partnerships/${partnership}/decisions`).expect(403);
    await practitioners[0]!.http.get(`/api/partnerships/${partnership}/decisions`).expect(403);
    await lead.http.get('/api/partnerships/00000000-0000-4000-8000-000000000000/decisions').expect(404);
    await admin.get(`/api/partnerships/${partnership}/decisions`).expect(200);
  });

  it('shows an opportunity’s applications with who made them and the match made from each, and its matches', async () => {
    const [alex, blair, casey] = practitioners as [Person, Person, Person];
    const opportunity = await published({ title: 'Side by side', capacity: 2 });
    const fromAlex = await apply(alex, opportunity, 'Alex’s statement.');
    const fromBlair = await apply(blair, opportunity, 'Blair’s statement.');
    const alexMatch = await propose(fromAlex);
    // Casey is matched from a recommendation, as the matching worker would have left it.
    await stack.query(`INSERT INTO recommendations (opportunity_id, practitioner_id, score, reasons, factors) VALUES ($1, $2, 80, '{}', '{}')`, [opportunity, casey.id]);
    const caseyMatch = (await lead.http.post(`/api/opportunities/${opportunity}/recommendations/${casey.id}/match`).expect(201)).body.id;

    const decisions = (await academic.http.get(`/api/opportunities/${opportunity}/decisions`).expect(200)).body;
    expect(decisions.opportunity).toMatchObject({ id: opportunity, title: 'Side by side', capacity: 2, approved: 0, proposed: 2 });
    expect(decisions.applications.map((a: { application: { id: string; statement: string }; practitioner: { id: string }; matchId: string | null; matchStatus: string | null }) => [
      a.application.id,
      a.application.statement,
      a.practitioner.id,
      a.matchId,
      a.matchStatus,
    ])).toEqual([
      [fromAlex, 'Alex’s statement.', alex.id, alexMatch, 'proposed'],
      [fromBlair, 'Blair’s statement.', blair.id, null, null],
    ]);
    expect(decisions.matches.map((m: { match: { id: string; applicationId: string | null }; practitioner: { displayName: string } }) => [m.match.id, m.match.applicationId, m.practitioner.displayName])).toEqual([
      [alexMatch, fromAlex, 'A practitioner'],
      [caseyMatch, null, 'A practitioner'],
    ]);

    await alex.http.get(`/api/opportunities/${opportunity}/decisions`).expect(403);
    await otherLead.http.get(`/api/opportunities/${opportunity}/decisions`).expect(404);
  });

  it('shows one match to its practitioner, the host and the lead, and to nobody else', async () => {
    const [alex, blair] = practitioners as [Person, Person];
    const opportunity = await published({ title: 'One match' });
    const match = await propose(await apply(alex, opportunity));
    for (const person of [alex, academic, lead]) {
      const details = (await person.http.get(`/api/matches/${match}`).expect(200)).body;
      expect(details).toMatchObject({ match: { id: match, status: 'proposed' }, practitioner: { id: alex.id }, opportunity: { id: opportunity, title: 'One match' } });
    }
    await blair.http.get(`/api/matches/${match}`).expect(404);
    await otherLead.http.get(`/api/matches/${match}`).expect(404);
    await lead.http.get('/api/matches/00000000-0000-4000-8000-000000000000').expect(404);
    await lead.http.get('/api/matches/not-a-uuid').expect(400);
  });

  it('serves an approved match’s sessions as a calendar file in London time, and refuses one not approved', async () => {
    const [alex, blair] = practitioners as [Person, Person];
    const sessions = [
      { startsAt: '2027-03-27T10:00:00.000Z', endsAt: '2027-03-27T12:00:00.000Z', place: 'UEA, Norwich' },
      { startsAt: '2027-07-01T09:00:00.000Z', endsAt: '2027-07-01T11:00:00.000Z', onlineLink: 'https://meet.example.org/x' },
    ];
    const opportunity = await published({ title: 'Interview day', sessions, closesAt: '2027-03-20T17:00:00Z' });
    const match = await propose(await apply(alex, opportunity));
    const refused = await alex.http.get(`/api/matches/${match}/calendar`).expect(409);
    expect(refused.body.detail).toBe('The match is proposed: only an approved match has a calendar file.');

    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(200);
    const file = await alex.http.get(`/api/matches/${match}/calendar`).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    }).expect(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    const text = file.body as string;
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270327T100000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270701T100000');
    const events = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
    // The approval email's invitation has these uids: opening both leaves one event a session.
    expect(events.map((e) => [e.uid, e.summary, e.start.toISOString()])).toEqual([
      [`match-${match}-1`, 'Interview day', sessions[0]!.startsAt],
      [`match-${match}-2`, 'Interview day', sessions[1]!.startsAt],
    ]);
    await lead.http.get(`/api/matches/${match}/calendar`).expect(200);
    await academic.http.get(`/api/matches/${match}/calendar`).expect(200);
    await blair.http.get(`/api/matches/${match}/calendar`).expect(404);
    await otherLead.http.get(`/api/matches/${match}/calendar`).expect(404);

    await academic.http.post(`/api/opportunities/${opportunity}/cancel`).send({ reason: 'The room is gone.' }).expect(200);
    expect((await alex.http.get(`/api/matches/${match}/calendar`).expect(409)).body.detail).toContain('cancelled');
  });
});
