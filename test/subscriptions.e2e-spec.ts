import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { councilRequest, eventually, opportunityRequest, profileRequest, SmtpInbox, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { confirmationIn, emailLink } from './support/email-links.js';
import { TestStack } from './support/test-stack.js';

const PUBLIC_URL = 'https://tpm.example.org';

describe('subscriptions, unsubscribing and email preferences', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let partnershipId: string;
  let academic: Person;
  let lead: Person;
  let practitioner: Person;

  const mailWith = (address: string, subject: string) =>
    eventually(() => inbox.to(address).find((m) => m.parsed.subject === subject) ?? false);
  async function application(title: string, person = practitioner): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, { title })).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return (await person.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'Yes please.' }).expect(201)).body.id as string;
  }

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100, PUBLIC_URL });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipId = (await admin.post('/api/partnerships').send({ name: 'Essex', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipId}/leads`).send({ userId: lead.id }).expect(201);
    practitioner = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    await practitioner.http.put('/api/me/profile').send(profileRequest()).expect(200);
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('sends only a confirmation email until its link is used (double opt-in)', async () => {
    const email = 'sam.subscriber@example.org';
    const request = { email, frequency: 'daily', types: ['teaching'], specialisms: ['safeguarding'], partnershipId };
    expect((await anonymous.post('/api/subscriptions').send(request).expect(202)).body).toEqual({ status: 'pending' });
    const mail = await mailWith(email, 'Confirm your subscription to new opportunities');
    expect(mail.raw).not.toMatch(/^List-Unsubscribe/im);
    const [pending] = await stack.query<{ status: string }>('SELECT status FROM subscriptions WHERE email = $1', [email]);
    expect(pending!.status).toBe('pending');

    const confirm = confirmationIn(mail, PUBLIC_URL);
    const page = await anonymous.get(confirm).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<form method="post"');
    expect((await stack.query('SELECT status FROM subscriptions WHERE email = $1', [email]))[0]).toEqual({ status: 'pending' });
    // As the page's button posts it: a browser sends a form content type even with no fields.
    await anonymous.post(confirm).type('form').send('').expect(200);
    expect((await stack.query('SELECT status FROM subscriptions WHERE email = $1', [email]))[0]).toEqual({ status: 'confirmed' });
  });

  it('refuses invalid subscriptions and tampered links with a 4xx', async () => {
    await anonymous.post('/api/subscriptions').send({ email: 'x@example.org', frequency: 'hourly' }).expect(400);
    await anonymous.post('/api/subscriptions').send({ email: 'not an email', frequency: 'daily' }).expect(400);
    await anonymous.post('/api/subscriptions').send({ email: 'x@example.org', frequency: 'daily', colour: 'red' }).expect(400);
    await anonymous.post('/api/subscriptions').send({ email: 'x@example.org', frequency: 'daily', types: ['juggling'] }).expect(400);
    const problem = await anonymous.post('/api/subscriptions/confirm/abc.def').expect(400);
    expect(problem.headers['content-type']).toContain('application/problem+json');
    await anonymous.post('/api/unsubscribe/not-a-token').expect(400);
    // The pages too: a person learns the link is broken before pressing its button.
    const page = await anonymous.get('/api/subscriptions/confirm/abc.def').set('accept', 'text/html').expect(400);
    expect(page.headers['content-type']).toContain('application/problem+json');
    await anonymous.get('/api/unsubscribe/not-a-token').expect(400);
  });

  it('puts RFC 8058 one-click headers on emails that are not essential, and one POST without sign-in turns that kind off', async () => {
    await application('First talk');
    const mail = await mailWith(lead.email, 'New application: First talk');
    const raw = mail.raw.replace(/\r?\n\s+/g, ' ');
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/tpm\.example\.org\/unsubscribe\/[^>]+>, <mailto:unsubscribe@[^>]+>/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const { page, api: link } = emailLink(mail, PUBLIC_URL, 'unsubscribe');
    expect(mail.parsed.html).toContain(`${PUBLIC_URL}${page}`);

    const tampered = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await anonymous.post(tampered).type('form').send('List-Unsubscribe=One-Click').expect(400);
    expect((await anonymous.get(link).expect(200)).text).toContain('Unsubscribe');
    await anonymous.post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await lead.http.get('/api/me/preferences').expect(200)).body).toEqual({ applications: false, matches: true, opportunity_changes: true, recommendations: false });

    await application('Second talk');
    await mailWith(academic.email, 'New application: Second talk');
    await eventually(async () => {
      const [row] = await stack.query<{ status: string }>(`SELECT status FROM sent_messages WHERE recipient = $1 AND params->>'opportunityTitle' = 'Second talk'`, [lead.email]);
      expect(row!.status).toBe('opted_out');
    });
    expect(inbox.to(lead.email).filter((m) => m.parsed.subject === 'New application: Second talk')).toHaveLength(0);
  });

  it('always sends essential email, without an unsubscribe header, whatever the preferences', async () => {
    await practitioner.http.put('/api/me/preferences').send({ applications: false, matches: false, opportunity_changes: false }).expect(200);
    const applicationId = await application('Essential talk');
    const match = (await lead.http.post('/api/matches').send({ applicationId }).expect(201)).body.id;
    await lead.http.post(`/api/matches/${match}/reject`).send({}).expect(200);
    const mail = await mailWith(practitioner.email, 'About your application for Essential talk');
    expect(mail.raw).not.toMatch(/^List-Unsubscribe/im);
  });

  it('lets a person choose their kinds of email, and refuses what is not a choice', async () => {
    expect((await academic.http.get('/api/me/preferences').expect(200)).body).toEqual({ applications: true, matches: true, opportunity_changes: true, recommendations: false });
    await academic.http.put('/api/me/preferences').send({ applications: false, matches: true }).expect(400);
    await academic.http.put('/api/me/preferences').send({ applications: 'no', matches: true, opportunity_changes: true }).expect(400);
    await academic.http.put('/api/me/preferences').send({ applications: true, matches: false, opportunity_changes: true, digests: false }).expect(400);
    const saved = await academic.http.put('/api/me/preferences').send({ applications: true, matches: false, opportunity_changes: true }).expect(200);
    expect(saved.body).toEqual({ applications: true, matches: false, opportunity_changes: true, recommendations: false });
    await academic.http.put('/api/me/preferences').send({ applications: true, matches: false, opportunity_changes: true, recommendations: 'yes' }).expect(400);
    const optedIn = await academic.http.put('/api/me/preferences').send({ applications: true, matches: false, opportunity_changes: true, recommendations: true }).expect(200);
    expect(optedIn.body.recommendations).toBe(true);
    await anonymous.get('/api/me/preferences').expect(401);
  });

  it('lets a signed-in person manage their own subscriptions, and nobody else\'s', async () => {
    const created = await practitioner.http.post('/api/me/subscriptions').send({ frequency: 'weekly', types: ['research'] }).expect(201);
    expect(created.body).toMatchObject({ email: practitioner.email, frequency: 'weekly', types: ['research'], status: 'confirmed' });
    expect((await practitioner.http.get('/api/me/subscriptions').expect(200)).body).toEqual([created.body]);
    await academic.http.delete(`/api/me/subscriptions/${created.body.id}`).expect(404);
    await practitioner.http.delete('/api/me/subscriptions/not-a-uuid').expect(400);
    await practitioner.http.delete(`/api/me/subscriptions/${created.body.id}`).expect(204);
    expect((await practitioner.http.get('/api/me/subscriptions').expect(200)).body).toEqual([]);
  });

  it('shows admins, and only admins, the addresses suppressed after a hard bounce', async () => {
    await stack.query(`INSERT INTO email_suppressions (email, reason, smtp_response) VALUES ('gone@example.org', 'hard_bounce', '550 No such user')`);
    const list = await admin.get('/api/admin/email-suppressions').expect(200);
    expect(list.body).toContainEqual({ email: 'gone@example.org', reason: 'hard_bounce', smtpResponse: '550 No such user', suppressedAt: expect.any(String) });
    await lead.http.get('/api/admin/email-suppressions').expect(403);
    await anonymous.get('/api/admin/email-suppressions').expect(401);
  });
});
