import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, eventually, onWeekday, opportunityRequest, profileRequest, SmtpInbox, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const session = onWeekday(3, 35);

describe('recommended for you: email from the matching worker\'s recommendations', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let partnershipId: string;
  let academic: Person;
  let lead: Person;
  let keen: Person;
  let quiet: Person;

  async function published(title: string): Promise<string> {
    const request = opportunityRequest(partnershipId, { title, requiredSpecialisms: ['mental_health'], sessions: [{ startsAt: session, endsAt: session.replace('T10:', 'T12:'), place: 'UEA' }] });
    const id = (await academic.http.post('/api/opportunities').send(request).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }

  /** Both workers have handled everything so far, and every planned email has been dealt with. */
  async function settled(): Promise<void> {
    await stack.caughtUp('matching');
    await stack.caughtUp('notification');
    await eventually(async () => expect(await stack.query(`SELECT 1 FROM sent_messages WHERE status = 'pending'`)).toEqual([]));
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://tpm.example.org', RECOMMENDATION_EMAILS_PER_WEEK: 1 });
    ({ app, http: admin } = await stack.startApi());
    await stack.startWorker('matching');
    await stack.startWorker('notification');
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipId = (await admin.post('/api/partnerships').send({ name: 'Norfolk and Suffolk', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipId}/leads`).send({ userId: lead.id }).expect(201);
    keen = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    quiet = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    for (const person of [keen, quiet]) await person.http.put('/api/me/profile').send(profileRequest({ specialisms: ['mental_health'] })).expect(200);
    await keen.http.put('/api/me/preferences').send({ applications: true, matches: true, opportunity_changes: true, recommendations: true }).expect(200);
    await settled();
    inbox.received.length = 0;
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('tells a practitioner who asked, with the reasons, and the leads; not those who did not ask', async () => {
    const opportunity = await published('Mental health law seminar');
    const [mail] = await inbox.waitFor(keen.email);
    expect(mail!.parsed.subject).toBe('Recommended for you: Mental health law seminar');
    expect(mail!.parsed.text).toContain('Why: covers the specialism asked for; no opportunity taken yet');
    expect(mail!.parsed.text).toContain(`https://tpm.example.org/opportunities/${opportunity}`);
    expect(mail!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);

    const [toLead] = await inbox.waitFor(lead.email);
    expect(toLead!.parsed.subject).toBe('2 practitioners recommended for Mental health law seminar');
    expect(toLead!.parsed.text).toContain(`https://tpm.example.org/decisions/opportunities/${opportunity}`);
    await settled();
    expect(inbox.to(quiet.email)).toEqual([]);
  });

  it('sends one practitioner no more than the weekly number, while the leads hear of every list', async () => {
    await published('Second seminar');
    await inbox.waitFor(lead.email, 2);
    await settled();
    expect(inbox.to(keen.email).map((mail) => mail.parsed.subject)).toEqual(['Recommended for you: Mental health law seminar']);
    expect(await stack.query(`SELECT 1 FROM recommendations r JOIN opportunities o ON o.id = r.opportunity_id WHERE o.title = 'Second seminar' AND r.practitioner_id = $1`, [keen.id])).toHaveLength(1);
  });
});
