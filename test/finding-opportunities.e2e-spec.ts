import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { inDays, profileRequest } from '#libs/testing';
import type { Person } from './support/people.js';
import { partnershipWorld, type WorldIds } from './support/partnership-world.js';
import { TestStack } from './support/test-stack.js';

describe('finding opportunities', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let academic: Person;
  let practitioner: Person;
  let outsider: Person;
  let ids: WorldIds;
  let lead: Person;
  const titles: Record<string, string> = {};

  async function post(title: string, changes: Record<string, unknown>, publish = true): Promise<string> {
    const startsIn = (changes.startsIn as number | undefined) ?? 30;
    delete changes.startsIn;
    const body = {
      partnershipId: ids.partnershipA,
      hostOrganisationId: ids.uea,
      type: 'teaching',
      title,
      description: 'A session for social work students.',
      sessions: [{ startsAt: inDays(startsIn), endsAt: inDays(startsIn, 12), place: 'UEA' }],
      capacity: 2,
      requiredSpecialisms: [],
      minimumCareerStage: 'student',
      closesAt: inDays(startsIn - 3),
      contact: 'Host',
      ...changes,
    };
    const id = (await admin.post('/api/opportunities').send(body).expect(201)).body.id as string;
    if (publish) await admin.post(`/api/opportunities/${id}/publish`).expect(200);
    titles[id] = title;
    return id;
  }

  const found = async (person: Person | typeof admin, query: Record<string, unknown> = {}) => {
    const client = 'http' in person ? person.http : person;
    const response = await client.get('/api/opportunities').query(query).expect(200);
    return (response.body.items as { id: string }[]).map((item) => titles[item.id] ?? item.id);
  };

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const world = await partnershipWorld(app, admin, { profile: false, outsider: true });
    ({ ids, lead, academic, outsider } = world);
    [practitioner] = world.practitioners as [Person];
    const { partnershipB, norfolk, otherB } = ids;

    await post('Lecture on child protection law', { startsIn: 20, requiredSpecialisms: ['child_protection'] });
    await post('Interview day for BA applicants', { startsIn: 10, type: 'interviewing', hostOrganisationId: norfolk });
    await post('Research group on domestic abuse', { startsIn: 40, type: 'research', requiredSpecialisms: ['domestic_abuse'] });
    await post('Placement for a stage 2 practice educator', { startsIn: 60, type: 'practice_educator', pepsStage: 2 });
    await post('Seminar for advanced practitioners', { startsIn: 50, minimumCareerStage: 'advanced_practitioner' });
    await post('Draft workshop on mental health', { startsIn: 15 }, false);
    await post('Partnership B teaching', { partnershipId: partnershipB, hostOrganisationId: otherB, startsIn: 5 });
  });
  afterAll(() => stack.close());

  it('shows a practitioner the published opportunities of their partnerships, soonest first', async () => {
    expect(await found(practitioner)).toEqual([
      'Interview day for BA applicants',
      'Lecture on child protection law',
      'Research group on domestic abuse',
      'Seminar for advanced practitioners',
      'Placement for a stage 2 practice educator',
    ]);
    expect(await found(outsider)).toEqual(['Partnership B teaching']);
  });

  it('hides from a practitioner what their profile says they could not join', async () => {
    await practitioner.http
      .put('/api/me/profile')
      .send(profileRequest())
      .expect(200);
    const visible = await found(practitioner);
    expect(visible).not.toContain('Seminar for advanced practitioners');
    expect(visible).not.toContain('Placement for a stage 2 practice educator');
    expect(visible).toContain('Lecture on child protection law');
  });

  it('shows hosts their drafts, and admins everything', async () => {
    expect(await found(academic)).toContain('Draft workshop on mental health');
    expect(await found(practitioner)).not.toContain('Draft workshop on mental health');
    expect(await found(admin, { status: 'draft' })).toEqual(['Draft workshop on mental health']);
    expect(await found(admin)).toHaveLength(7);
  });

  it('filters by type, host, specialism and dates, and finds words', async () => {
    expect(await found(academic, { type: 'interviewing' })).toEqual(['Interview day for BA applicants']);
    expect(await found(academic, { hostOrganisationId: ids.norfolk })).toEqual(['Interview day for BA applicants']);
    expect(await found(academic, { specialism: 'domestic_abuse' })).toEqual(['Research group on domestic abuse']);
    expect(await found(academic, { startsFrom: inDays(30), startsBefore: inDays(55) })).toEqual([
      'Research group on domestic abuse',
      'Seminar for advanced practitioners',
    ]);
    expect(await found(academic, { q: 'protection' })).toEqual(['Lecture on child protection law']);
    expect(await found(academic, { q: '"practice educator" -seminar' })).toEqual(['Placement for a stage 2 practice educator']);
    expect(await found(academic, { q: 'interviews' })).toEqual(['Interview day for BA applicants']);
    expect(await found(academic, { hasFreePlaces: 'true', type: 'research' })).toEqual(['Research group on domestic abuse']);
  });

  it('sorts by newest or closing soonest, and pages through without repeats or gaps', async () => {
    const newest = await found(admin, { sort: 'newest' });
    expect(newest[0]).toBe('Partnership B teaching');
    expect(await found(admin, { sort: 'closing_soon', limit: 2 })).toEqual(['Partnership B teaching', 'Interview day for BA applicants']);

    for (const sort of ['soonest', 'newest', 'closing_soon']) {
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await admin.get('/api/opportunities').query({ sort, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        paged.push(...page.body.items.map((item: { id: string }) => titles[item.id]));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(await found(admin, { sort, limit: 100 }));
    }
  });

  it('counts what matches on the first page, and each opportunity says how many places are left', async () => {
    const first = await practitioner.http.get('/api/opportunities').query({ limit: 1 }).expect(200);
    const all = await found(practitioner, { limit: 100 });
    expect(first.body.total).toBe(all.length);
    expect((await practitioner.http.get('/api/opportunities').query({ limit: 1, type: 'research' }).expect(200)).body.total).toBe(1);
    const next = await practitioner.http.get('/api/opportunities').query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect(next.body.total).toBeNull();

    // One of two places taken by an approved match.
    const id = await post('Workshop with two places', { capacity: 2 });
    await practitioner.http.put('/api/me/profile').send(profileRequest()).expect(200);
    const application = (await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Me' }).expect(201)).body.id;
    const match = (await lead.http.post('/api/matches').send({ applicationId: application }).expect(201)).body.id;
    expect((await practitioner.http.get(`/api/opportunities/${id}`).expect(200)).body.placesLeft).toBe(2);
    await lead.http.post(`/api/matches/${match}/approve`).send({}).expect(200);
    expect((await practitioner.http.get(`/api/opportunities/${id}`).expect(200)).body.placesLeft).toBe(1);
    const listed = (await practitioner.http.get('/api/opportunities').query({ limit: 100 }).expect(200)).body.items.find((item: { id: string }) => item.id === id);
    expect(listed.placesLeft).toBe(1);
  });

  it.each([
    ['sort=random', 'sort'],
    ['type=party', 'type'],
    ['status=archived', 'status'],
    ['startsFrom=tomorrow', 'startsFrom'],
    ['hasFreePlaces=maybe', 'hasFreePlaces'],
    ['hostOrganisationId=uea', 'hostOrganisationId'],
    ['cursor=abc', 'cursor'],
    [`cursor=${Buffer.from('["yesterday","0b6f7d3e-9a54-4d8e-8f1c-5a2b3c4d5e6f"]').toString('base64url')}`, 'cursor'],
    ['q=%00', 'q'],
    ['colour=blue', 'colour'],
    ['format=hybrid', 'format'],
    ['format=online&format=by_post', 'format'],
  ])('refuses %s with 400', async (query, field) => {
    const response = await admin.get(`/api/opportunities?${query}`).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('filters by format: in person when a session has a place, online when one has an online link', async () => {
    const online = { partnershipId: ids.partnershipB, hostOrganisationId: ids.otherB };
    await post('B online only', { ...online, sessions: [{ startsAt: inDays(30), endsAt: inDays(30, 12), onlineLink: 'https://meet.example.org/b' }] });
    await post('B both ways', { ...online, sessions: [{ startsAt: inDays(31), endsAt: inDays(31, 12), place: 'County Hall', onlineLink: 'https://meet.example.org/c' }] });
    await post('B one of each', {
      ...online,
      sessions: [
        { startsAt: inDays(32), endsAt: inDays(32, 12), place: 'County Hall' },
        { startsAt: inDays(33), endsAt: inDays(33, 12), onlineLink: 'https://meet.example.org/d' },
      ],
    });
    const inB = (query: Record<string, unknown>) => found(admin, { partnershipId: ids.partnershipB, ...query });
    expect(await inB({ format: 'online' })).toEqual(['B online only', 'B both ways', 'B one of each']);
    expect(await inB({ format: 'in_person' })).toEqual(['Partnership B teaching', 'B both ways', 'B one of each']);
    const either = await admin.get(`/api/opportunities?partnershipId=${ids.partnershipB}&format=online&format=in_person`).expect(200);
    expect(either.body.items).toHaveLength(4);
    expect(either.body.total).toBe(4);
    // The practitioners of B see the same, with the other filters.
    expect(await found(outsider, { format: 'online', type: 'teaching' })).toEqual(['B online only', 'B both ways', 'B one of each']);
  });

  it('takes any words without an error, however odd', async () => {
    for (const q of ['&&&', '"', '-', 'or or', '!!!(', ':*']) await admin.get('/api/opportunities').query({ q }).expect(200);
  });
});
