import type { JobType, Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, opportunityRequest, SmtpInbox, TcpProxy } from '#libs/testing';
import { partnershipWorld, type PartnershipWorld } from './support/partnership-world.js';
import { TestStack } from './support/test-stack.js';

const OUTAGE_MS = 20_000;

/**
 * With the queues in PostgreSQL, PostgreSQL going away takes the data, the outbox and the queues at
 * once. Stopped for 20 s (behind a switch of this file's own) while events flow: the API answers
 * 503 meanwhile, everything recovers by itself, and every event is handled once, by every group.
 */
describe('PostgreSQL stopped for 20 s with the queues in it', () => {
  let inbox: SmtpInbox;
  let stack: TestStack;
  let proxy: TcpProxy;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let world: PartnershipWorld;
  let queues: Queue[];

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    stack = await TestStack.create({
      QUEUE_BACKEND: 'postgres',
      REDIS_URL: '',
      SMTP_URL: inbox.url,
      OUTBOX_POLL_INTERVAL_MS: 200,
      EVENT_JOB_BACKOFF_MS: 100,
      OUTAGE_RETRY_MAX_MS: 2000,
      DIGEST_SCHEDULES: 'false',
    });
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(stack.database.url).port || 5432) });
    // Every process reaches PostgreSQL, for its data and its queues, through the switch.
    const throughProxy = {
      DATABASE_URL: proxy.in(stack.database.url),
      DATABASE_CONNECT_TIMEOUT_MS: 500,
      DATABASE_STATEMENT_TIMEOUT_MS: 2000,
      CALLER_CACHE_SECONDS: 0,
    };
    let app;
    ({ app, http: admin } = await stack.startApi(throughProxy));
    await stack.startWorker('notification', throughProxy);
    await stack.startWorker('matching', throughProxy);
    world = await partnershipWorld(app, admin);
    queues = [stack.queue('notification'), stack.queue('matching')];
  });
  afterAll(async () => {
    proxy.open();
    await stack.close();
    await proxy.stop();
    await inbox.stop();
  });

  /** Posts, publishes and applies to an opportunity: events for both workers. */
  async function publishAndApply(title: string): Promise<void> {
    const id = (await world.academic.http.post('/api/opportunities').send(opportunityRequest(world.ids.partnershipA, { title })).expect(201)).body.id as string;
    await world.academic.http.post(`/api/opportunities/${id}/publish`).expect(200);
    await world.practitioners[0]!.http.post(`/api/opportunities/${id}/applications`).send({ statement: 'I would like to.' }).expect(201);
  }

  it('answers 503 while it is away, recovers by itself, and handles every event once', async () => {
    const titles = ['Before the outage 1', 'Before the outage 2', 'Before the outage 3', 'After the outage 1', 'After the outage 2'];
    // On the queues when it stops: the workers take nothing until the queues resume after it.
    await Promise.all(queues.map((queue) => queue.pause()));
    for (const title of titles.slice(0, 3)) await publishAndApply(title);
    // The PostgreSQL backend keeps a paused queue's jobs in a state BullMQ's types no longer name.
    const paused = async () => Promise.all(queues.map(async (queue) => (await queue.getJobCounts('paused' as JobType)).paused));
    // Each group's published and submitted events of the three.
    await eventually(async () => (await paused()).every((count) => count! >= 6));
    proxy.refuse();
    for (let waited = 0; waited < OUTAGE_MS; waited += 2000) {
      const response = await admin.get('/api/universities');
      expect(response.status).toBe(503);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      await sleep(2000);
    }
    proxy.open();
    await Promise.all(queues.map((queue) => queue.resume()));

    await eventually(async () => (await admin.get('/api/universities')).status === 200, { timeoutMs: 60_000 });
    for (const title of titles.slice(3)) await publishAndApply(title);

    const newApplications = (title: string) => inbox.to(world.academic.email).filter((mail) => mail.parsed.subject === `New application: ${title}`);
    await eventually(() => titles.every((title) => newApplications(title).length > 0), { timeoutMs: 120_000 });
    const handled = async () =>
      stack.query<{ consumer: string; event_type: string; handled: number }>(
        `SELECT consumer, event_type, count(*)::int AS handled FROM inbox_events
          WHERE event_type IN ('opportunity.published', 'application.submitted') GROUP BY consumer, event_type ORDER BY consumer, event_type`,
      );
    await eventually(async () => (await handled()).filter((row) => row.handled === titles.length).length === 4, { timeoutMs: 60_000 });

    // Nothing doubled: one email an application, one inbox row an event and group (the inbox's key
    // would refuse a second), and every event handled by both groups.
    for (const title of titles) expect(newApplications(title)).toHaveLength(1);
    expect(await handled()).toEqual([
      { consumer: 'matching', event_type: 'application.submitted', handled: titles.length },
      { consumer: 'matching', event_type: 'opportunity.published', handled: titles.length },
      { consumer: 'notification', event_type: 'application.submitted', handled: titles.length },
      { consumer: 'notification', event_type: 'opportunity.published', handled: titles.length },
    ]);
    expect(await stack.query(`SELECT id FROM outbox_events WHERE dispatched_at IS NULL`)).toEqual([]);
    expect((await Promise.all(queues.map((queue) => queue.getFailed()))).flat().map((job) => `${job.name}: ${job.failedReason}`)).toEqual([]);
  });
});
