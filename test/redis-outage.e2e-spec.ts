import { setTimeout as sleep } from 'node:timers/promises';
import { describeWithRedisServer, DisposableRedis, eventually } from '#libs/testing';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { TestStack } from './support/test-stack.js';

/** Outages of a Redis of this file's own, so other test files keep theirs. */
describeWithRedisServer('Redis going away', () => {
  let stack: TestStack;
  let redis: DisposableRedis;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];
  let opportunities: OpportunitiesToPublish;

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    stack = await TestStack.create({ QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, OUTBOX_POLL_INTERVAL_MS: 200 });
    ({ http, anonymous } = await stack.startApi());
    await stack.startWorker('matching');
    await stack.startWorker('notification');
    opportunities = await OpportunitiesToPublish.create(stack, http);
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  const undispatched = async () =>
    Number((await stack.query<{ count: string }>('SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL'))[0]!.count);

  it('keeps taking requests while Redis is down, holds the events in the outbox, and delivers each once when it is back', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await opportunities.draft());
    // The drafts' events go to no group: with Redis up they leave the outbox at once.
    await eventually(async () => (await undispatched()) === 0);
    await redis.stop();

    for (const id of ids) await opportunities.publish(id);
    const listed = await http.get('/api/opportunities?status=published').expect(200);
    expect(listed.body.items).toHaveLength(5);

    // Signing in stays possible: the rate limit needs Redis and steps aside until it is back.
    await anonymous.post('/api/auth/login').send({ email: 'admin@example.org', password: 'development-admin-password' }).expect(200);

    const health = await http.get('/api/health').expect(503);
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, queues: { status: 'down', backend: 'redis' } });

    // The relay has tried and failed, and says so on the rows; nothing is lost.
    await eventually(async () => {
      const rows = await stack.query<{ dispatch_attempts: number; last_error: string | null }>(
        'SELECT dispatch_attempts, last_error FROM outbox_events WHERE dispatched_at IS NULL',
      );
      return rows.length === 5 && rows.every((row) => row.dispatch_attempts >= 1 && row.last_error !== null);
    });
    expect(await stack.inboxCount('matching')).toBe(0);

    await redis.resume();

    await eventually(async () => {
      expect(await undispatched()).toBe(0);
      expect(await stack.inboxCount('matching')).toBe(5);
      expect(await stack.inboxCount('notification')).toBe(5);
    }, { timeoutMs: 30_000 });
    await http.get('/api/health').expect(200);

    const perEvent = await stack.query<{ aggregate_id: string; consumers: string[] }>(
      `SELECT o.aggregate_id, array_agg(i.consumer ORDER BY i.consumer) AS consumers
         FROM outbox_events o JOIN inbox_events i ON i.event_id = o.id GROUP BY o.aggregate_id`,
    );
    expect(perEvent.map((row) => row.aggregate_id).sort()).toEqual([...ids].sort());
    expect(perEvent.every((row) => row.consumers.join() === 'matching,notification')).toBe(true);
    for (const group of ['matching', 'notification'] as const) {
      const queue = stack.queue(group);
      expect(await queue.getCompletedCount()).toBe(5);
      const jobs = await queue.getCompleted();
      expect(jobs.every((job) => job.returnvalue === 'handled' && job.attemptsMade === 1)).toBe(true);
    }
  });

  it('keeps a worker working after Redis is down for longer than its drain delay', async () => {
    const before = await stack.inboxCount('matching');
    await redis.stop();
    // BullMQ's default drainDelay is 5 s: stay down for longer than that.
    await sleep(7_000);
    await redis.resume();

    const eventId = await opportunities.publishNew();
    await eventually(async () => {
      const [row] = await stack.query<{ count: string }>(`SELECT count(*) FROM inbox_events WHERE event_id = $1`, [eventId]);
      expect(Number(row!.count)).toBe(2);
    }, { timeoutMs: 30_000 });
    expect(await stack.inboxCount('matching')).toBe(before + 1);
  });
});
