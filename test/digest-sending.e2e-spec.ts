import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, SmtpInbox } from '#libs/testing';
import { subscribersAwaitingADigest } from './support/digest-subscribers.js';
import { TestStack } from './support/test-stack.js';

/**
 * Digests go out several at a time, from several batches at once, on no more SMTP connections than
 * the worker is allowed, and each subscriber still gets one.
 */
describe('sending digests at once', () => {
  let stack: TestStack;
  let inbox: SmtpInbox;
  let app: NestFastifyApplication;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  const subscribers = Array.from({ length: 8 }, (_, i) => `at-once-${i}@example.org`);
  const digestsTo = (email: string) => inbox.to(email).filter((mail) => mail.parsed.subject?.includes('for you'));

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({
      SMTP_URL: inbox.url,
      PUBLIC_URL: 'https://tpm.example.org',
      DIGEST_QUIET_SECONDS: 0,
      // Two batches of four at once, three messages of each at once: six would go, four may.
      DIGEST_BATCH_SIZE: 4,
      WORKER_CONCURRENCY: 2,
      DIGEST_SEND_CONCURRENCY: 3,
      SMTP_MAX_CONNECTIONS: 4,
    });
    ({ app, http: admin, anonymous } = await stack.startApi());
    await stack.startWorker('notification');
    await subscribersAwaitingADigest({ app, admin, anonymous }, inbox, subscribers, 'https://tpm.example.org');
    await stack.caughtUp('notification');
  });
  afterAll(async () => {
    await stack.close();
    await inbox.stop();
  });

  it('sends up to the SMTP connections allowed at once, and each subscriber one digest', async () => {
    for (const email of subscribers) inbox.held.add(email);
    await admin.post('/api/admin/digests/daily').expect(202);

    // Every connection waits on a message the server has not answered: no fifth one is opened.
    await eventually(() => expect(inbox.heldCount).toBe(4));
    await sleep(1000);
    expect(inbox.heldCount).toBe(4);
    expect(inbox.mostConnections).toBeLessThanOrEqual(4);

    inbox.releaseHeld();
    await eventually(async () => {
      expect(await stack.query(`SELECT 1 FROM sent_messages WHERE template = 'digest' AND status <> 'sent'`)).toEqual([]);
      for (const email of subscribers) expect(digestsTo(email)).toHaveLength(1);
    });
    expect(inbox.mostConnections).toBeLessThanOrEqual(4);
  });
});
