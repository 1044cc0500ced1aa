import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { DIGEST_QUEUE, requestDigestRun } from '#libs/mail-contract';
import { councilRequest, eventually, opportunityRequest, SmtpInbox, universityRequest } from '#libs/testing';
import { type Person, personWith } from './support/people.js';
import { confirmationIn, emailLink } from './support/email-links.js';
import { TestStack } from './support/test-stack.js';

const PUBLIC_URL = 'https://tpm.example.org';

describe('digests', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let queue: Queue;
  let partnershipA: string;
  let partnershipB: string;
  let academic: Person;

  const digestsTo = (email: string) => inbox.to(email).filter((m) => m.parsed.subject?.includes('for you'));
  async function publish(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipA, { title, ...overrides })).expect(201)).body.id as string;
    await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    return id;
  }
  async function subscribed(email: string, filters: Record<string, unknown>): Promise<void> {
    await anonymous.post('/api/subscriptions').send({ email, ...filters }).expect(202);
    const mail = await eventually(() => inbox.to(email)[0] ?? false);
    await anonymous.post(confirmationIn(mail, PUBLIC_URL)).expect(200);
  }
  /** Waits until the digest queue has nothing left to do. */
  const settled = () =>
    eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
      // The schedulers' next runs wait as delayed jobs; retries wait there too.
      expect((await queue.getDelayed()).filter((job) => !job.id?.startsWith('repeat:'))).toEqual([]);
      expect(await stack.query(`SELECT 1 FROM sent_messages WHERE status = 'pending'`)).toEqual([]);
    });

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({ SMTP_URL: inbox.url, EVENT_JOB_BACKOFF_MS: 100, PUBLIC_URL, DIGEST_BATCH_SIZE: 2, DIGEST_QUIET_SECONDS: 0 });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    queue = stack.namedQueue(DIGEST_QUEUE);
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const suffolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipA = (await admin.post('/api/partnerships').send({ name: 'Norfolk and Suffolk', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    partnershipB = (await admin.post('/api/partnerships').send({ name: 'Elsewhere', councilIds: [suffolk] }).expect(201)).body.id;
    // The subscribers here have no account, so they hear only of partnerships that list publicly.
    for (const id of [partnershipA, partnershipB]) await admin.patch(`/api/partnerships/${id}/settings`).send({ listsPublicly: true }).expect(200);
    academic = await personWith(app, admin, 'academic', { universityId: uea });
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('schedules the daily and weekly runs at 07:00 London time', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => ({ id: s.key, pattern: s.pattern, tz: s.tz })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'daily-digest', pattern: '0 7 * * *', tz: 'Europe/London' },
      { id: 'weekly-digest', pattern: '0 7 * * 1', tz: 'Europe/London' },
    ]);
  });

  it('sends each subscriber one digest of the new opportunities that match, nothing when there are none, and nothing twice in a period', async () => {
    await publish('Published before anyone subscribed');
    await subscribed('all@example.org', { frequency: 'daily' });
    await subscribed('research@example.org', { frequency: 'daily', types: ['research'] });
    await subscribed('elsewhere@example.org', { frequency: 'daily', partnershipId: partnershipB });
    await subscribed('weekly@example.org', { frequency: 'weekly' });
    await subscribed('fails-once@example.org', { frequency: 'daily' });
    await subscribed('interviews@example.org', { frequency: 'daily', types: ['interviewing'] });
    await anonymous.post('/api/subscriptions').send({ email: 'unconfirmed@example.org', frequency: 'daily' }).expect(202);

    await publish('Lecture on risk');
    await publish('Interviews', { type: 'interviewing' });
    await publish('Research group', { type: 'research' });
    const cancelled = await publish('Cancelled seminar');
    await academic.http.post(`/api/opportunities/${cancelled}/cancel`).send({ reason: 'No room.' }).expect(200);

    inbox.temporaryFailures.add('fails-once@example.org');
    await admin.post('/api/admin/digests/daily').expect(202);
    await eventually(async () => {
      const [row] = await stack.query<{ last_error: string | null }>(`SELECT last_error FROM sent_messages WHERE recipient = 'fails-once@example.org' AND template = 'digest'`);
      expect(row?.last_error).toContain('451');
    });
    inbox.temporaryFailures.delete('fails-once@example.org');
    await settled();

    const [all] = digestsTo('all@example.org');
    expect(all!.parsed.subject).toBe('3 new opportunities for you');
    expect(all!.parsed.text).toContain('Lecture on risk');
    expect(all!.parsed.text).toContain('Interviews');
    expect(all!.parsed.text).toContain('Research group');
    expect(all!.parsed.text).not.toContain('Published before');
    expect(all!.parsed.text).not.toContain('Cancelled seminar');
    expect(all!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(digestsTo('research@example.org').map((m) => m.parsed.subject)).toEqual(['1 new opportunity for you']);
    expect(digestsTo('fails-once@example.org')).toHaveLength(1);
    expect(digestsTo('interviews@example.org').map((m) => m.parsed.subject)).toEqual(['1 new opportunity for you']);
    for (const nobody of ['elsewhere@example.org', 'weekly@example.org', 'unconfirmed@example.org']) expect(digestsTo(nobody)).toEqual([]);

    // Run again the same day, with something new: those who had the period's digest get nothing
    // more, and someone who had none yet gets theirs. Five daily subscribers in batches of two, and
    // the newcomer sorts last: their batch starts with the same subscription as the first run's last.
    await subscribed('newcomer@example.org', { frequency: 'daily' });
    await stack.query(`UPDATE subscriptions SET id = 'ffffffff-ffff-4fff-bfff-ffffffffffff' WHERE email = 'newcomer@example.org'`);
    await publish('Published after the first run');
    await admin.post('/api/admin/digests/daily').expect(202);
    await requestDigestRun(queue, 'daily');
    await settled();
    expect(digestsTo('all@example.org')).toHaveLength(1);
    expect(digestsTo('fails-once@example.org')).toHaveLength(1);
    expect(digestsTo('newcomer@example.org').map((m) => m.parsed.subject)).toEqual(['1 new opportunity for you']);

    // The next day's run tells of what came since, and repeats nothing.
    await requestDigestRun(queue, 'daily', Date.now() + 24 * 3600_000);
    await settled();
    const next = digestsTo('all@example.org');
    expect(next).toHaveLength(2);
    expect(next[1]!.parsed.subject).toBe('1 new opportunity for you');
    expect(next[1]!.parsed.text).toContain('Published after the first run');
    expect(digestsTo('research@example.org')).toHaveLength(1);
  });

  it('cancels the subscription with one POST to its unsubscribe link', async () => {
    const [digest] = digestsTo('research@example.org');
    const link = emailLink(digest!, PUBLIC_URL, 'unsubscribe').api;
    await anonymous.post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(await stack.query(`SELECT status FROM subscriptions WHERE email = 'research@example.org'`)).toEqual([{ status: 'cancelled' }]);
    await anonymous.post(link).type('form').send('List-Unsubscribe=One-Click').expect(200);
  });

  it('lets admins only start a run, of a frequency that exists', async () => {
    await admin.post('/api/admin/digests/hourly').expect(400);
    await anonymous.post('/api/admin/digests/daily').expect(401);
    const lead = await personWith(app, admin, 'partnership_lead');
    await lead.http.post('/api/admin/digests/daily').expect(403);
  });

  it('tells instant subscribers of each new opportunity that matches, once', async () => {
    await subscribed('instant@example.org', { frequency: 'instant', types: ['research'] });
    await publish('Instant teaching');
    await publish('Instant research', { type: 'research' });
    const mail = await eventually(() => inbox.to('instant@example.org').find((m) => m.parsed.subject === 'New opportunity for you: Instant research') ?? false);
    expect(mail.parsed.text).toContain('A new opportunity matches what you asked for.');
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    await settled();
    expect(inbox.to('instant@example.org').filter((m) => m.parsed.subject?.startsWith('New opportunity'))).toHaveLength(1);
  });
});
