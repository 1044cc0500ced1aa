import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Factors, scoreOf } from '#libs/matching';
import { councilRequest, onWeekday, opportunityRequest, profileRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const WEDNESDAY = 3;
const session = onWeekday(WEDNESDAY, 35);
const sessionDay = session.slice(0, 10);
const sessionEnd = session.replace('T10:', 'T12:');

/** The instant a London day (YYYY-MM-DD) begins, whether in GMT or BST. */
function londonMidnight(day: string): string {
  const utc = new Date(`${day}T00:00:00Z`);
  const wallClock = (timeZone: string) => new Date(utc.toLocaleString('en-US', { timeZone })).getTime();
  return new Date(utc.getTime() - (wallClock('Europe/London') - wallClock('UTC'))).toISOString();
}

describe('recommendations from the matching worker', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let ids: Record<'partnership' | 'uea' | 'norfolk' | 'suffolk' | 'lincolnshire' | 'elsewhere', string>;
  let lead: Person;
  let otherLead: Person;
  let academic: Person;
  let otherAcademic: Person;

  /** A practitioner of `councilId` with a profile: a social worker free on weekdays, unless told otherwise. */
  async function practitioner(councilId: string, profile: Record<string, unknown> = {}): Promise<Person> {
    const person = await personWith(app, admin, 'practitioner', { councilId });
    await person.http.put('/api/me/profile').send(profileRequest(profile)).expect(200);
    return person;
  }

  /** Published by the lead, hosted by `host`, one Wednesday session in five weeks. */
  async function published(host: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const request = opportunityRequest(ids.partnership, {
      hostOrganisationId: host,
      sessions: [{ startsAt: session, endsAt: sessionEnd, place: 'County Hall, Norwich' }],
      minimumCareerStage: 'social_worker',
      ...overrides,
    });
    const id = (await lead.http.post('/api/opportunities').send(request).expect(201)).body.id as string;
    await lead.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }

  const matchingCaughtUp = () => stack.caughtUp('matching');

  async function recommended(opportunityId: string, by: Person = lead): Promise<{ practitioner: { id: string }; score: number; reasons: string[] }[]> {
    await matchingCaughtUp();
    return (await by.http.get(`/api/opportunities/${opportunityId}/recommendations`).expect(200)).body;
  }

  const recommendedIds = async (opportunityId: string) => (await recommended(opportunityId)).map((r) => r.practitioner.id);

  beforeAll(async () => {
    stack = await TestStack.create({ RECOMMENDATIONS_PER_OPPORTUNITY: 25 });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('matching');
    const register = async (path: string, body: object) => (await admin.post(path).send(body).expect(201)).body.id as string;
    const uea = await register('/api/universities', universityRequest());
    const norfolk = await register('/api/councils', councilRequest({ region: 'east_of_england' }));
    const suffolk = await register('/api/councils', councilRequest({ region: 'east_of_england' }));
    const lincolnshire = await register('/api/councils', councilRequest({ region: 'east_midlands' }));
    const elsewhere = await register('/api/councils', councilRequest({ region: 'east_of_england' }));
    const partnership = await register('/api/partnerships', { name: 'Norfolk and beyond', universityIds: [uea], councilIds: [norfolk, suffolk, lincolnshire] });
    const other = await register('/api/partnerships', { name: 'Elsewhere', councilIds: [elsewhere] });
    ids = { partnership, uea, norfolk, suffolk, lincolnshire, elsewhere };
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnership}/leads`).send({ userId: lead.id }).expect(201);
    otherLead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${other}/leads`).send({ userId: otherLead.id }).expect(201);
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    const otherUniversity = await register('/api/universities', universityRequest());
    await admin.post(`/api/partnerships/${partnership}/members`).send({ organisationType: 'university', organisationId: otherUniversity }).expect(201);
    otherAcademic = await personWith(app, admin, 'academic', { universityId: otherUniversity });
  });
  afterAll(() => stack.close());

  it('ranks the eligible practitioners of the partnership, best fit first, with reasons in words', async () => {
    const specialisms = ['child_protection', 'mental_health'];
    const own = await practitioner(ids.norfolk, { careerStage: 'senior_practitioner', specialisms });
    const region = await practitioner(ids.suffolk, { specialisms: ['child_protection'] });
    const far = await practitioner(ids.lincolnshire, { preferredFormats: ['online'] });
    const tooJunior = await practitioner(ids.norfolk, { careerStage: 'asye', specialisms });
    const otherPartnership = await practitioner(ids.elsewhere, { specialisms });
    const away = await practitioner(ids.norfolk, { specialisms, availability: { weekdays: [1, 2, 3, 4, 5], unavailable: [{ from: sessionDay, to: sessionDay }] } });
    const notWednesdays = await practitioner(ids.norfolk, { specialisms, availability: { weekdays: [1, 2, 4, 5], unavailable: [] } });
    const noProfile = await personWith(app, admin, 'practitioner', { councilId: ids.norfolk });

    const opportunity = await published(ids.norfolk, { requiredSpecialisms: specialisms });
    const list = await recommended(opportunity);

    expect(list.map((r) => r.practitioner.id)).toEqual([own.id, region.id, far.id]);
    for (const excluded of [tooJunior, otherPartnership, away, notWednesdays, noProfile]) expect(list.map((r) => r.practitioner.id)).not.toContain(excluded.id);
    expect(list[0]).toMatchObject({
      practitioner: { id: own.id, councilId: ids.norfolk, careerStage: 'senior_practitioner', specialisms },
      score: 95,
      reasons: ['covers both specialisms asked for', 'no opportunity taken yet', 'prefers in person, as offered', 'hosted by their own council'],
      computedAt: expect.stringMatching(/[+-]\d\d:\d\d$/),
    });
    expect(list[1]!.reasons).toEqual(['covers 1 of 2 specialisms asked for', 'no opportunity taken yet', 'prefers in person, as offered', 'host council is in the same region']);
    expect(list[2]!.reasons).toEqual(['covers neither specialism asked for', 'no opportunity taken yet', 'offered in person, which is not a preferred format']);

    // The SQL that ranks and the documented formula agree, row by row.
    const stored = await stack.query<{ score: number; factors: Factors }>('SELECT score, factors FROM recommendations WHERE opportunity_id = $1', [opportunity]);
    for (const row of stored) expect(row.score).toBe(scoreOf(row.factors));

    const [ready] = await stack.query<{ payload: { practitionerIds: string[] } }>(
      `SELECT payload FROM outbox_events WHERE type = 'opportunity.recommendations_ready' AND aggregate_id = $1`,
      [opportunity],
    );
    expect(ready!.payload.practitionerIds).toEqual([own.id, region.id, far.id]);
    const mine = (await own.http.get('/api/me/recommendations').expect(200)).body;
    expect(mine.items.find((item: { opportunity: { id: string } }) => item.opportunity.id === opportunity)).toMatchObject({
      opportunity: { id: opportunity, partnershipId: ids.partnership, type: 'teaching' },
      score: 95,
      reasons: expect.arrayContaining(['covers both specialisms asked for']),
    });
  });

  it('asks practice educators for the PEPS stage the role needs', async () => {
    const stageTwo = await practitioner(ids.norfolk, { pepsStage: 2 });
    const stageOne = await practitioner(ids.norfolk, { pepsStage: 1 });
    const opportunity = await published(ids.norfolk, { type: 'practice_educator', pepsStage: 2 });
    const list = await recommended(opportunity);
    expect(list.map((r) => r.practitioner.id)).toContain(stageTwo.id);
    expect(list.map((r) => r.practitioner.id)).not.toContain(stageOne.id);
    expect(list.find((r) => r.practitioner.id === stageTwo.id)!.reasons).toContain('PEPS stage 2');
  });

  it('follows profile changes: a new fit is added, one who no longer fits is dropped', async () => {
    const opportunity = await published(ids.norfolk, { requiredSpecialisms: ['youth_justice'] });
    const changing = await practitioner(ids.suffolk, { careerStage: 'student' });
    expect(await recommendedIds(opportunity)).not.toContain(changing.id);

    await changing.http.put('/api/me/profile').send(profileRequest({ specialisms: ['youth_justice'] })).expect(200);
    const list = await recommended(opportunity);
    expect(list[0]).toMatchObject({ practitioner: { id: changing.id }, reasons: expect.arrayContaining(['covers the specialism asked for']) });
    expect((await changing.http.get('/api/me/recommendations').expect(200)).body.items.map((i: { opportunity: { id: string } }) => i.opportunity.id)).toContain(opportunity);

    await changing.http.put('/api/me/profile').send(profileRequest({ availability: { weekdays: [6, 7], unavailable: [] } })).expect(200);
    expect(await recommendedIds(opportunity)).not.toContain(changing.id);
    expect((await changing.http.get('/api/me/recommendations').expect(200)).body.items).toEqual([]);
  });

  it('drops a practitioner who applies or is proposed, and a lead proposes straight from a recommendation', async () => {
    const applying = await practitioner(ids.norfolk);
    const proposed = await practitioner(ids.norfolk);
    const opportunity = await published(ids.norfolk);
    expect(await recommendedIds(opportunity)).toEqual(expect.arrayContaining([applying.id, proposed.id]));

    await applying.http.post(`/api/opportunities/${opportunity}/applications`).send({ statement: 'Count me in.' }).expect(201);
    expect(await recommendedIds(opportunity)).not.toContain(applying.id);

    await academic.http.post(`/api/opportunities/${opportunity}/recommendations/${proposed.id}/match`).expect(403);
    await otherLead.http.post(`/api/opportunities/${opportunity}/recommendations/${proposed.id}/match`).expect(404);
    await lead.http.post(`/api/opportunities/${opportunity}/recommendations/${applying.id}/match`).expect(404);
    await lead.http.post(`/api/opportunities/${opportunity}/recommendations/not-a-uuid/match`).expect(400);
    const match = await lead.http.post(`/api/opportunities/${opportunity}/recommendations/${proposed.id}/match`).expect(201);
    expect(match.body).toMatchObject({ opportunityId: opportunity, practitionerId: proposed.id, applicationId: null, status: 'proposed' });
    expect(await recommendedIds(opportunity)).not.toContain(proposed.id);
    await lead.http.post(`/api/opportunities/${opportunity}/recommendations/${proposed.id}/match`).expect(404);
    await lead.http.post(`/api/matches/${match.body.id}/approve`).send({}).expect(200);
  });

  it.each(['closed', 'cancelled', 'filled'])('keeps no recommendations once the opportunity is %s', async (ending) => {
    const candidate = await practitioner(ids.norfolk);
    const opportunity = await published(ids.norfolk, { capacity: 1 });
    expect(await recommendedIds(opportunity)).toContain(candidate.id);
    if (ending === 'closed') await lead.http.post(`/api/opportunities/${opportunity}/close`).expect(200);
    if (ending === 'cancelled') await lead.http.post(`/api/opportunities/${opportunity}/cancel`).send({ reason: 'The module was withdrawn.' }).expect(200);
    if (ending === 'filled') {
      const match = await lead.http.post(`/api/opportunities/${opportunity}/recommendations/${candidate.id}/match`).expect(201);
      await lead.http.post(`/api/matches/${match.body.id}/approve`).send({}).expect(200);
    }
    expect(await recommended(opportunity)).toEqual([]);
    expect(await stack.query('SELECT 1 FROM recommendations WHERE opportunity_id = $1', [opportunity])).toEqual([]);
    // A row the worker has not yet taken away (its event still on the way) proposes nothing on an opportunity no longer open.
    if (ending !== 'filled') {
      await stack.query(`INSERT INTO recommendations (opportunity_id, practitioner_id, score, reasons, factors) VALUES ($1, $2, 80, '{}', '{}')`, [opportunity, candidate.id]);
      const refused = await lead.http.post(`/api/opportunities/${opportunity}/recommendations/${candidate.id}/match`).expect(409);
      expect(refused.body.detail).toContain(ending);
    }
  });

  it('leaves out whoever has reached their limit for the term, and ranks those who took less first', async () => {
    const busy = await practitioner(ids.norfolk, { maxOpportunitiesPerTerm: 2 });
    const fresh = await practitioner(ids.norfolk, { maxOpportunitiesPerTerm: 2 });
    const first = await published(ids.norfolk);
    const second = await published(ids.norfolk);
    // Proposing from a recommendation needs the worker to have ranked the opportunity first.
    await matchingCaughtUp();
    const match = await lead.http.post(`/api/opportunities/${first}/recommendations/${busy.id}/match`).expect(201);
    await lead.http.post(`/api/matches/${match.body.id}/approve`).send({}).expect(200);

    const afterOne = await recommended(second);
    const busyThere = afterOne.find((r) => r.practitioner.id === busy.id)!;
    const freshThere = afterOne.find((r) => r.practitioner.id === fresh.id)!;
    expect(busyThere.reasons).toContain('1 opportunity taken in the last six months');
    expect(freshThere.score - busyThere.score).toBe(12.5);
    expect(afterOne.indexOf(busyThere)).toBeGreaterThan(afterOne.indexOf(freshThere));

    const again = await lead.http.post(`/api/opportunities/${second}/recommendations/${busy.id}/match`).expect(201);
    await lead.http.post(`/api/matches/${again.body.id}/approve`).send({}).expect(200);
    const third = await published(ids.norfolk);
    expect(await recommendedIds(third)).not.toContain(busy.id);
    // The same week a year on is another term.
    const nextYear = onWeekday(WEDNESDAY, 35 + 364);
    const later = await published(ids.norfolk, { sessions: [{ startsAt: nextYear, endsAt: nextYear.replace('T10:', 'T12:'), place: 'UEA' }] });
    expect(await recommendedIds(later)).toContain(busy.id);
  });

  it('shows an opportunity\'s recommendations to its hosts and the partnership\'s leads only', async () => {
    const member = await practitioner(ids.norfolk);
    const hosted = (await academic.http.post('/api/opportunities').send(opportunityRequest(ids.partnership, {
      sessions: [{ startsAt: session, endsAt: sessionEnd, place: 'UEA' }],
    })).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${hosted}/publish`).expect(200);
    await matchingCaughtUp();

    expect((await academic.http.get(`/api/opportunities/${hosted}/recommendations`).expect(200)).body.map((r: { practitioner: { id: string } }) => r.practitioner.id)).toContain(member.id);
    await lead.http.get(`/api/opportunities/${hosted}/recommendations`).expect(200);
    await admin.get(`/api/opportunities/${hosted}/recommendations`).expect(200);
    const forbidden = await otherAcademic.http.get(`/api/opportunities/${hosted}/recommendations`).expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    await member.http.get(`/api/opportunities/${hosted}/recommendations`).expect(403);
    await otherLead.http.get(`/api/opportunities/${hosted}/recommendations`).expect(404);
    await anonymous.get(`/api/opportunities/${hosted}/recommendations`).expect(401);
    await lead.http.get('/api/opportunities/not-a-uuid/recommendations').expect(400);
    await lead.http.get('/api/me/recommendations').expect(403);
    await member.http.get('/api/me/recommendations?limit=0').expect(400);
    await member.http.get('/api/me/recommendations?cursor=bm90LW91cnM').expect(400);
    const blankScore = Buffer.from(JSON.stringify(['', hosted])).toString('base64url');
    await member.http.get(`/api/me/recommendations?cursor=${blankScore}`).expect(400);
  });

  it('pages a practitioner\'s recommendations, best first', async () => {
    const reader = await practitioner(ids.lincolnshire, { specialisms: ['disability'] });
    const opportunities = [
      await published(ids.norfolk, { requiredSpecialisms: ['disability'] }),
      await published(ids.lincolnshire),
      await published(ids.suffolk, { requiredSpecialisms: ['mental_health'] }),
    ];
    await matchingCaughtUp();
    const seen: { opportunity: { id: string }; score: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: typeof seen; nextCursor: string | null } } = await reader.http
        .get('/api/me/recommendations')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const scores = seen.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(seen.map((item) => item.opportunity.id)).toEqual(expect.arrayContaining(opportunities));
    expect(new Set(seen.map((item) => item.opportunity.id)).size).toBe(seen.length);
  });

  it('takes the practitioners of a council that leaves the partnership off its lists', async () => {
    const leaving = (await admin.post('/api/councils').send(councilRequest({ region: 'east_of_england' })).expect(201)).body.id as string;
    await admin.post(`/api/partnerships/${ids.partnership}/members`).send({ organisationType: 'council', organisationId: leaving }).expect(201);
    const departing = await practitioner(leaving, { specialisms: ['adult_safeguarding'] });
    const opportunity = await published(ids.norfolk, { requiredSpecialisms: ['adult_safeguarding'] });
    expect((await recommendedIds(opportunity))[0]).toBe(departing.id);
    expect((await departing.http.get('/api/me/recommendations').expect(200)).body.items).not.toEqual([]);

    await admin.delete(`/api/partnerships/${ids.partnership}/members/${leaving}`).expect(204);
    expect(await recommendedIds(opportunity)).not.toContain(departing.id);
    expect(await stack.query('SELECT 1 FROM recommendations WHERE practitioner_id = $1', [departing.id])).toEqual([]);
    expect((await departing.http.get('/api/me/recommendations').expect(200)).body.items).toEqual([]);
  });

  it('asks for both days of a session that runs into the next, but not for the day after one that ends at midnight', async () => {
    const wednesdaysOnly = await practitioner(ids.suffolk, { specialisms: ['fostering_and_adoption'], availability: { weekdays: [3], unavailable: [] } });
    const midweek = await practitioner(ids.suffolk, { specialisms: ['fostering_and_adoption'], availability: { weekdays: [3, 4], unavailable: [] } });
    const thursday = new Date(new Date(session).getTime() + 86_400_000).toISOString();
    const overnight = await published(ids.norfolk, {
      requiredSpecialisms: ['fostering_and_adoption'],
      sessions: [{ startsAt: session, endsAt: thursday, place: 'Residential, Norwich' }],
    });
    const toMidnight = await published(ids.norfolk, {
      requiredSpecialisms: ['fostering_and_adoption'],
      sessions: [{ startsAt: session, endsAt: londonMidnight(thursday.slice(0, 10)), place: 'Norwich' }],
    });
    expect(await recommendedIds(overnight)).toEqual(expect.arrayContaining([midweek.id]));
    expect(await recommendedIds(overnight)).not.toContain(wednesdaysOnly.id);
    expect(await recommendedIds(toMidnight)).toEqual(expect.arrayContaining([midweek.id, wednesdaysOnly.id]));
  });
});
