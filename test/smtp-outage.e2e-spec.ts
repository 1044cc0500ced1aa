import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { DIGEST_QUEUE } from '#libs/mail-contract';
import { councilRequest, eventually, opportunityRequest, profileRequest, SmtpInbox, universityRequest } from '#libs/testing';
import { confirmationIn } from './support/email-links.js';
import { type Person, personWith } from './support/people.js';
import { TestStack } from './support/test-stack.js';

const PUBLIC_URL = 'https://tpm.example.org';

describe('an SMTP server down for far longer than the retries of a failing event', () => {
  let inbox: SmtpInbox;
  let stack: TestStack;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let partnershipId: string;
  let academic: Person;
  let lead: Person;
  let practitioner: Person;
  let queues: Queue[];

  const subjectsTo = (person: { email: string }, title: string) => inbox.to(person.email).filter((mail) => mail.parsed.subject?.includes(title));
  const failedJobs = async () => (await Promise.all(queues.map((queue) => queue.getFailed()))).flat().map((job) => `${job.name}: ${job.failedReason}`);

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    // A failure of the event itself uses its 3 attempts within a tenth of a second; the outage below lasts seconds.
    stack = await TestStack.create({ SMTP_URL: inbox.url, PUBLIC_URL, EVENT_JOB_ATTEMPTS: 3, EVENT_JOB_BACKOFF_MS: 20, OUTAGE_RETRY_MAX_MS: 400, DIGEST_QUIET_SECONDS: 0 });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    queues = [stack.queue('notification'), stack.namedQueue(DIGEST_QUEUE)];
    const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    partnershipId = (await admin.post('/api/partnerships').send({ name: 'Norfolk and Suffolk', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
    await admin.patch(`/api/partnerships/${partnershipId}/settings`).send({ listsPublicly: true }).expect(200);
    academic = await personWith(app, admin, 'academic', { universityId: uea });
    lead = await personWith(app, admin, 'partnership_lead');
    await admin.post(`/api/partnerships/${partnershipId}/leads`).send({ userId: lead.id }).expect(201);
    practitioner = await personWith(app, admin, 'practitioner', { councilId: norfolk });
    await practitioner.http.put('/api/me/profile').send(profileRequest()).expect(200);
    await anonymous.post('/api/subscriptions').send({ email: 'daily@example.org', frequency: 'daily' }).expect(202);
    await anonymous.post(confirmationIn(await eventually(() => inbox.to('daily@example.org')[0] ?? false), PUBLIC_URL)).expect(200);
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('sends every email once when it is back, and leaves nothing in the failed set', async () => {
    const titles = ['Outage lecture one', 'Outage lecture two', 'Outage lecture three'];
    await inbox.stop();
    for (const title of titles) {
      const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, { title })).expect(201)).body.id as string;
      await academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
      await practitioner.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'I would like to.' }).expect(201);
    }
    await admin.post('/api/admin/digests/daily').expect(202);

    // Every message has been tried and refused, the digest too...
    await eventually(async () => {
      const untried = await stack.query(`SELECT 1 FROM sent_messages WHERE status = 'pending' AND last_error IS NULL`);
      const digests = await stack.query(`SELECT 1 FROM sent_messages WHERE template = 'digest' AND last_error IS NOT NULL`);
      expect({ untried: untried.length, digests: digests.length }).toEqual({ untried: 0, digests: 1 });
    });
    // ...and stays waiting, not failed, through many times the retry window of a failing event.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await failedJobs()).toEqual([]);

    await inbox.listen();
    await eventually(
      async () => {
        expect(await stack.query(`SELECT recipient, template FROM sent_messages WHERE status <> 'sent'`)).toEqual([]);
        for (const title of titles) for (const person of [academic, lead]) expect(subjectsTo(person, title)).toHaveLength(1);
        expect(inbox.to('daily@example.org').filter((mail) => mail.parsed.subject?.includes('for you'))).toHaveLength(1);
      },
      { timeoutMs: 30_000 },
    );
    expect(await failedJobs()).toEqual([]);
  });
});
