import { once } from 'node:events';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { eventually, SmtpInbox } from '#libs/testing';
import { subscribersAwaitingADigest } from './support/digest-subscribers.js';
import { TestStack } from './support/test-stack.js';

/**
 * The notification worker, as its own process, killed in the middle of a digest batch whose
 * messages go out at once: another worker takes the batch up, sends what was not sent, and sends
 * nothing twice.
 */
describe('a digest batch whose worker dies', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  const subscribers = ['a', 'b', 'c', 'd', 'e'].map((name) => `digest-${name}@example.org`);
  const digestsTo = (email: string) => inbox.to(email).filter((mail) => mail.parsed.subject?.includes('for you'));

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({
      SMTP_URL: inbox.url,
      PUBLIC_URL: 'https://tpm.example.org',
      DIGEST_BATCH_SIZE: 10,
      DIGEST_QUIET_SECONDS: 0,
      // One batch, its messages sent at once; a dead worker's batch is free again in a second.
      WORKER_CONCURRENCY: 1,
      DIGEST_SEND_CONCURRENCY: 3,
      WORKER_LOCK_DURATION_MS: 1000,
      WORKER_STALLED_INTERVAL_MS: 500,
    });
    ({ app, http: admin, anonymous } = await stack.startApi());
    // Workers here are processes of their own, so the one that dies is the one with the batch.
    const first = await stack.spawnWorker('notification', { DIGEST_SCHEDULES: 'false', LOG_LEVEL: 'info' });
    await eventually(() => first.output().includes('Consuming notification-events'));
    await subscribersAwaitingADigest({ app, admin, anonymous }, inbox, subscribers, 'https://tpm.example.org');
    await stack.caughtUp('notification');
    first.kill('SIGTERM');
    await once(first, 'exit');
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('sends every subscriber exactly one digest', async () => {
    const doomed = await stack.spawnWorker('notification', { DIGEST_SCHEDULES: 'false', LOG_LEVEL: 'info' });
    await eventually(() => doomed.output().includes('Consuming notification-events'));
    inbox.held.add(subscribers[2]!);
    await admin.post('/api/admin/digests/daily').expect(202);

    // Caught mid-batch: the batch planned, one message hanging on the SMTP server, the others it
    // took marked sent, as they are moments after it takes them.
    await eventually(async () => {
      expect(inbox.heldCount).toBe(1);
      const rows = await stack.query<{ recipient: string }>(`SELECT recipient FROM sent_messages WHERE template = 'digest' AND status = 'pending'`);
      expect(rows.map((row) => row.recipient)).toEqual([subscribers[2]]);
    });
    doomed.kill('SIGKILL');
    inbox.held.clear();

    await stack.spawnWorker('notification', { DIGEST_SCHEDULES: 'false' });
    await eventually(async () => {
      expect(await stack.query(`SELECT 1 FROM sent_messages WHERE template = 'digest' AND status <> 'sent'`)).toEqual([]);
      for (const email of subscribers) expect(digestsTo(email)).toHaveLength(1);
    });
    const rows = await stack.query<{ recipient: string }>(`SELECT recipient FROM sent_messages WHERE template = 'digest' ORDER BY recipient`);
    expect(rows.map((row) => row.recipient)).toEqual(subscribers);
  });
});
