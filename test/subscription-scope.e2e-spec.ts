import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, eventually, opportunityRequest, SmtpInbox, universityRequest } from '#libs/testing';
import { confirmationIn } from './support/email-links.js';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const PUBLIC_URL = 'https://tpm.example.org';

/** Alerts and digests list only what their recipient may see when they are sent. */
describe('what subscriptions may tell', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let partnershipA: string;
  let partnershipB: string;
  let norfolk: string;
  let academicA: Person;
  let academicB: Person;
  let practitionerA: Person;
  let practitionerB: Person;

  async function publish(academic: Person, partnershipId: string, title: string): Promise<void> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, { title })).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
  }
  /** Titles of the opportunities in every alert or digest `email` has had so far. */
  const toldOf = (email: string) =>
    inbox
      .to(email)
      .filter((mail) => mail.parsed.subject?.includes('for you'))
      .map((mail) => mail.parsed.text ?? '')
      .join('\n');
  /** Publishes a last opportunity that `email` is told of, so that what came before has been dealt with. */
  async function afterAllHandled(email: string, academic: Person, partnershipId: string, marker: string): Promise<string> {
    await publish(academic, partnershipId, marker);
    return eventually(() => (toldOf(email).includes(marker) ? toldOf(email) : false));
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100, PUBLIC_URL, DIGEST_QUIET_SECONDS: 0 });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const suffolkUniversity = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const suffolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipA = (await admin.post('/api/partnerships').send({ name: 'A', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    partnershipB = (await admin.post('/api/partnerships').send({ name: 'B', universityIds: [suffolkUniversity], councilIds: [suffolk] }).expect(201)).body.id;
    academicA = await personWith(app, admin, 'academic', { universityId: uea });
    academicB = await personWith(app, admin, 'academic', { universityId: suffolkUniversity });
    practitionerA = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    practitionerB = await personWith(app, admin, 'practitioner', { councilId: suffolk });
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('refuses a signed-in person a subscription to a partnership they do not work in, as if it did not exist', async () => {
    const refused = await practitionerB.http.post('/api/me/subscriptions').send({ frequency: 'instant', partnershipId: partnershipA }).expect(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await practitionerB.http.post('/api/me/subscriptions').send({ frequency: 'instant', partnershipId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect((await practitionerB.http.get('/api/me/subscriptions').expect(200)).body).toEqual([]);
    await practitionerA.http.post('/api/me/subscriptions').send({ frequency: 'daily', partnershipId: partnershipA }).expect(201);
  });

  it("tells a person's unfiltered alerts and digests only of their own partnerships' opportunities", async () => {
    await practitionerB.http.post('/api/me/subscriptions').send({ frequency: 'instant' }).expect(201);
    await practitionerB.http.post('/api/me/subscriptions').send({ frequency: 'weekly' }).expect(201);
    await publish(academicA, partnershipA, 'Only for A');
    const told = await afterAllHandled(practitionerB.email, academicB, partnershipB, 'For B');
    expect(told).not.toContain('Only for A');

    await admin.post('/api/admin/digests/weekly').expect(202);
    const digest = await eventually(() => inbox.to(practitionerB.email).find((mail) => /new opportunit(y|ies) for you$/.test(mail.parsed.subject ?? '') && !mail.parsed.subject?.startsWith('New')) ?? false);
    expect(digest.parsed.text).toContain('For B');
    expect(digest.parsed.text).not.toContain('Only for A');
  });

  it('stops telling someone of a partnership once their organisation leaves it', async () => {
    const leaver = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    await leaver.http.post('/api/me/subscriptions').send({ frequency: 'instant' }).expect(201);
    await afterAllHandled(leaver.email, academicA, partnershipA, 'While a member');

    await admin.delete(`/api/partnerships/${partnershipA}/members/${norfolk}`).expect(204);
    await publish(academicA, partnershipA, 'After leaving');
    // What the alert would have been planned from is handled: the stranger's own alert for it has gone out.
    const stranger = 'stranger@example.org';
    await admin.patch(`/api/partnerships/${partnershipA}/settings`).send({ listsPublicly: true }).expect(200);
    await anonymous.post('/api/subscriptions').send({ email: stranger, frequency: 'instant' }).expect(202);
    await anonymous.post(confirmationIn(await eventually(() => inbox.to(stranger)[0] ?? false), PUBLIC_URL)).expect(200);
    await afterAllHandled(stranger, academicA, partnershipA, 'Public now');
    expect(toldOf(leaver.email)).not.toContain('After leaving');
    expect(toldOf(leaver.email)).not.toContain('Public now');
    await admin.patch(`/api/partnerships/${partnershipA}/settings`).send({ listsPublicly: false }).expect(200);
  });

  it('answers an anonymous request the same whatever partnership it names, and tells an address without an account only of public listings', async () => {
    const answers = [];
    for (const [email, partnershipId] of [
      ['exists@example.org', partnershipB],
      ['made-up@example.org', '00000000-0000-4000-8000-000000000000'],
      ['no-filter@example.org', undefined],
    ] as const) {
      const response = await anonymous.post('/api/subscriptions').send({ email, frequency: 'instant', ...(partnershipId && { partnershipId }) }).expect(202);
      answers.push({ status: response.status, type: response.headers['content-type'], body: response.body });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    // A made-up partnership leaves nothing behind to confirm.
    expect(await stack.query(`SELECT 1 FROM subscriptions WHERE email = 'made-up@example.org'`)).toEqual([]);

    for (const email of ['exists@example.org', 'no-filter@example.org']) {
      await anonymous.post(confirmationIn(await eventually(() => inbox.to(email)[0] ?? false), PUBLIC_URL)).expect(200);
    }
    await publish(academicB, partnershipB, 'B, not listed');
    await admin.patch(`/api/partnerships/${partnershipA}/settings`).send({ listsPublicly: true }).expect(200);
    const told = await afterAllHandled('no-filter@example.org', academicA, partnershipA, 'A, listed');
    expect(told).not.toContain('B, not listed');

    await admin.patch(`/api/partnerships/${partnershipB}/settings`).send({ listsPublicly: true }).expect(200);
    expect(await afterAllHandled('exists@example.org', academicB, partnershipB, 'B, listed now')).not.toContain('B, not listed');
    expect(await stack.query(`SELECT 1 FROM sent_messages WHERE recipient = 'made-up@example.org'`)).toEqual([]);
  });
});
