import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const validProfile = () => ({
  careerStage: 'senior_practitioner',
  pepsStage: 1,
  yearsQualified: 6,
  specialisms: ['child_protection', 'domestic_abuse'],
  availability: { weekdays: [4, 2], unavailable: [{ from: '2026-12-21', to: '2027-01-03' }] },
  preferredFormats: ['in_person', 'online'],
  maxOpportunitiesPerTerm: 2,
});

describe('practitioner profiles', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let practitionerA: Person;
  let practitionerB: Person;
  let academic: Person;
  let partnershipB: string;
  let leadB: Person;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin, anonymous } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const councilA = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const councilB = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const university = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    await admin.post('/api/partnerships').send({ name: 'A', councilIds: [councilA] }).expect(201);
    partnershipB = (await admin.post('/api/partnerships').send({ name: 'B', councilIds: [councilB] }).expect(201)).body.id;
    practitionerA = await personWith(app, admin, 'practitioner', { councilId: councilA });
    practitionerB = await personWith(app, admin, 'practitioner', { councilId: councilB });
    academic = await personWith(app, admin, 'academic', { universityId: university });
    leadB = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipB}/leads`).send({ userId: leadB.id }).expect(201);
    await leadB.http.post(`/api/partnerships/${partnershipB}/specialisms`).send({ code: 'rural_practice', label: 'Rural practice' }).expect(201);
  });
  afterAll(() => stack.close());

  const profileRows = async () => Number((await stack.query<{ count: string }>('SELECT count(*) FROM practitioner_profiles'))[0]!.count);

  it('has no profile until the practitioner saves one', async () => {
    const response = await practitionerA.http.get('/api/me/profile').expect(404);
    expect(response.body.detail).toContain('PUT /api/me/profile');
  });

  it('saves a profile whole, answers it back, and records practitioner.profile_updated', async () => {
    const saved = await practitionerA.http.put('/api/me/profile').send(validProfile()).expect(200);
    expect(saved.body).toEqual({
      ...validProfile(),
      availability: { weekdays: [2, 4], unavailable: [{ from: '2026-12-21', to: '2027-01-03' }] },
      updatedAt: expect.any(String),
    });
    expect((await practitionerA.http.get('/api/me/profile').expect(200)).body).toEqual(saved.body);

    const changed = { ...validProfile(), careerStage: 'advanced_practitioner', pepsStage: 2, specialisms: ['mental_health'], yearsQualified: undefined };
    const again = await practitionerA.http.put('/api/me/profile').send(changed).expect(200);
    expect(again.body).toMatchObject({ careerStage: 'advanced_practitioner', pepsStage: 2, specialisms: ['mental_health'] });
    expect(again.body).not.toHaveProperty('yearsQualified');

    const events = await stack.query<{ type: string; payload: object }>(
      'SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY position',
      [practitionerA.id],
    );
    expect(events.filter((e) => e.type === 'practitioner.profile_updated')).toHaveLength(2);
  });

  it('is for practitioners only', async () => {
    await academic.http.put('/api/me/profile').send(validProfile()).expect(403);
    await academic.http.get('/api/me/profile').expect(403);
    await admin.put('/api/me/profile').send(validProfile()).expect(403);
    await anonymous.put('/api/me/profile').send(validProfile()).expect(401);
  });

  it('offers the shared specialisms and the practitioner\'s own partnerships\' additions', async () => {
    const codes = async (person: Person) => (await person.http.get('/api/specialisms').expect(200)).body.map((s: { code: string }) => s.code);
    expect(await codes(practitionerA)).toEqual(expect.arrayContaining(['child_protection', 'adult_safeguarding']));
    expect(await codes(practitionerA)).not.toContain('rural_practice');
    expect(await codes(practitionerB)).toContain('rural_practice');

    await practitionerA.http.put('/api/me/profile').send({ ...validProfile(), specialisms: ['rural_practice'] }).expect(400);
    await practitionerB.http.put('/api/me/profile').send({ ...validProfile(), specialisms: ['rural_practice'] }).expect(200);
  });

  it('lets a partnership\'s leads extend its vocabulary, once per code', async () => {
    const [event] = await stack.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = 'rural_practice'`);
    expect(event).toEqual({ type: 'specialism.added', payload: { code: 'rural_practice', label: 'Rural practice', partnershipId: partnershipB } });
    await leadB.http.post(`/api/partnerships/${partnershipB}/specialisms`).send({ code: 'rural_practice', label: 'Again' }).expect(409);
    await leadB.http.post(`/api/partnerships/${partnershipB}/specialisms`).send({ code: 'Rural Practice!', label: 'Bad code' }).expect(400);
    await practitionerB.http.post(`/api/partnerships/${partnershipB}/specialisms`).send({ code: 'island_work', label: 'Island work' }).expect(403);
    await academic.http.post(`/api/partnerships/${partnershipB}/specialisms`).send({ code: 'island_work', label: 'Island work' }).expect(403);
    const partnershipA = (await practitionerA.http.get('/api/me').expect(200)).body.partnershipIds[0];
    await leadB.http.post(`/api/partnerships/${partnershipA}/specialisms`).send({ code: 'island_work', label: 'Island work' }).expect(404);
  });

  const change = (path: string, value: unknown) => {
    const profile: Record<string, unknown> = validProfile();
    const [head, tail] = path.split('.');
    if (tail) profile[head!] = { ...(profile[head!] as object), [tail]: value };
    else profile[head!] = value;
    return profile;
  };

  it.each([
    ['an unknown career stage', change('careerStage', 'director'), 'careerStage'],
    ['a PEPS stage of 3', change('pepsStage', 3), 'pepsStage'],
    ['a PEPS stage given as text', change('pepsStage', '1'), 'pepsStage'],
    ['negative years qualified', change('yearsQualified', -1), 'yearsQualified'],
    ['fractional years qualified', change('yearsQualified', 2.5), 'yearsQualified'],
    ['an unknown specialism', change('specialisms', ['astrology']), 'specialisms'],
    ['a specialism twice', change('specialisms', ['child_protection', 'child_protection']), 'specialisms'],
    ['a weekday of 8', change('availability.weekdays', [8]), 'availability.weekdays'],
    ['a weekday of 0', change('availability.weekdays', [0]), 'availability.weekdays'],
    ['an impossible date', change('availability.unavailable', [{ from: '2026-02-30', to: '2026-03-02' }]), 'availability.unavailable.0.from'],
    ['a date with a time', change('availability.unavailable', [{ from: '2026-02-01T10:00', to: '2026-03-02' }]), 'availability.unavailable.0.from'],
    ['a period that ends before it starts', change('availability.unavailable', [{ from: '2026-03-02', to: '2026-03-01' }]), 'availability.unavailable.0'],
    ['an unknown field inside availability', change('availability.mornings', true), 'availability.mornings'],
    ['no availability', change('availability', undefined), 'availability'],
    ['availability that is not an object', change('availability', 'weekends'), 'availability'],
    ['a period that is not an object', change('availability.unavailable', [1]), 'availability.unavailable.0'],
    ['no preferred format', change('preferredFormats', []), 'preferredFormats'],
    ['an unknown format', change('preferredFormats', ['carrier_pigeon']), 'preferredFormats'],
    ['too many opportunities a term', change('maxOpportunitiesPerTerm', 21), 'maxOpportunitiesPerTerm'],
    ['an unknown field', change('favouriteColour', 'green'), 'favouriteColour'],
  ])('refuses %s with 400 naming the field, and saves nothing', async (_, body, field) => {
    const before = await profileRows();
    const response = await practitionerA.http.put('/api/me/profile').send(body).expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await profileRows()).toBe(before);
  });
});
