import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, opportunityRequest, profileRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

describe("an opportunity's eligibility verdict, and applying held to it", () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let partnershipId: string;
  let norfolk: string;
  let academic: Person;
  let lead: Person;
  let practitioner: Person;

  async function published(changes: Record<string, unknown> = {}): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, changes)).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }
  const verdict = async (person: Person, id: string) => (await person.http.get(`/api/opportunities/${id}`).expect(200)).body.eligibility;
  const apply = (person: Person, id: string) => person.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'I would like to.' });
  const practitionerWith = async (profile: Record<string, unknown> | null) => {
    const person = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    if (profile) await person.http.put('/api/me/profile').send(profileRequest(profile)).expect(200);
    return person;
  };

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app, http: admin } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipId = (await admin.post('/api/partnerships').send({ name: 'A', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipId}/leads`).send({ userId: lead.id }).expect(201);
    practitioner = await practitionerWith({ careerStage: 'social_worker', pepsStage: 1 });
  });
  afterAll(() => stack.close());

  it('says a practitioner who suits an open opportunity may apply; then that they have applied, withdrawn or not', async () => {
    const id = await published({ minimumCareerStage: 'social_worker', type: 'practice_educator', pepsStage: 1 });
    expect(await verdict(practitioner, id)).toEqual({ eligible: true, reasons: [] });
    const applied = (await apply(practitioner, id).expect(201)).body.id;
    expect(await verdict(practitioner, id)).toEqual({ eligible: false, reasons: ['already_applied'] });
    await practitioner.http.post(`/api/applications/${applied}/withdraw`).expect(200);
    expect(await verdict(practitioner, id)).toEqual({ eligible: false, reasons: ['already_applied'] });
    expect((await apply(practitioner, id).expect(409)).body.detail).toBe('You have already applied to this opportunity.');
  });

  it('gives the career stage and PEPS stage that fall short, and applying is refused (422) for the same reasons', async () => {
    const id = await published({ minimumCareerStage: 'senior_practitioner', type: 'practice_educator', pepsStage: 2 });
    expect(await verdict(practitioner, id)).toEqual({ eligible: false, reasons: ['career_stage', 'peps_stage'] });
    const refused = await apply(practitioner, id).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toBe('You cannot apply: it asks for career stage senior_practitioner or above; your profile says social_worker; it asks for PEPS stage 2; your profile says 1.');
    expect(await stack.query('SELECT 1 FROM applications WHERE opportunity_id = $1', [id])).toEqual([]);
  });

  it('asks a practitioner with no profile to save one first', async () => {
    const newcomer = await practitionerWith(null);
    const id = await published();
    expect(await verdict(newcomer, id)).toEqual({ eligible: false, reasons: ['no_profile'] });
    expect((await apply(newcomer, id).expect(422)).body.detail).toContain('Save your profile');
  });

  it('says a closed opportunity, or one whose closing date has passed, takes no applications (409)', async () => {
    const closed = await published();
    await academic.http.post(`/api/opportunities/${closed}/close`).expect(200);
    expect(await verdict(practitioner, closed)).toEqual({ eligible: false, reasons: ['closed'] });
    expect((await apply(practitioner, closed).expect(409)).body.detail).toBe('It is closed: it takes no applications.');

    const lapsed = await published();
    await stack.query(`UPDATE opportunities SET closes_at = now() - interval '1 minute' WHERE id = $1`, [lapsed]);
    expect(await verdict(practitioner, lapsed)).toEqual({ eligible: false, reasons: ['closed'] });
    expect((await apply(practitioner, lapsed).expect(409)).body.detail).toMatch(/^Applications closed at /);
  });

  it('says a filled opportunity has no places left (409)', async () => {
    const id = await published({ capacity: 1 });
    const other = await practitionerWith({});
    const applicationId = (await apply(other, id).expect(201)).body.id;
    const matchId = (await lead.http.post('/api/matches').send({ applicationId }).expect(201)).body.id;
    await lead.http.post(`/api/matches/${matchId}/approve`).send({}).expect(200);
    expect(await verdict(practitioner, id)).toEqual({ eligible: false, reasons: ['no_places'] });
    expect((await apply(practitioner, id).expect(409)).body.detail).toBe('Every place is taken: it takes no more applications.');
  });

  it('gives no verdict to those who do not apply, nor in lists', async () => {
    const id = await published();
    expect(await verdict(academic, id)).toBeNull();
    expect(await verdict(lead, id)).toBeNull();
    const listed = (await practitioner.http.get('/api/opportunities').expect(200)).body.items as { id: string; eligibility: unknown }[];
    expect(listed.find((item) => item.id === id)).toMatchObject({ eligibility: null });
  });
});
