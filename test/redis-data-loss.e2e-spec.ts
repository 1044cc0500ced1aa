import { Redis } from 'ioredis';
import { describeWithRedisServer, DisposableRedis, eventually } from '#libs/testing';
import { DIGEST_QUEUE } from '#libs/mail-contract';
import { Queue } from 'bullmq';
import { workerConnection } from '#libs/events';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { TestStack } from './support/test-stack.js';

/** A Redis of this file's own that forgets everything, as one without persistence does when it restarts. */
describeWithRedisServer('Redis losing its data', () => {
  let stack: TestStack;
  let redis: DisposableRedis;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];

  const flush = async () => {
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
  };

  beforeAll(async () => {
    redis = await DisposableRedis.start();
    stack = await TestStack.create({ QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, OUTBOX_POLL_INTERVAL_MS: 200, OUTBOX_RECONCILE_AFTER_SECONDS: 1, OUTBOX_RECONCILE_INTERVAL_MS: 300 });
    ({ http } = await stack.startApi());
  });
  afterAll(async () => {
    await stack.close();
    await redis.stop();
  });

  it('delivers once to every group the events the outbox had dispatched before Redis forgot them', async () => {
    const opportunities = await OpportunitiesToPublish.create(stack, http);
    for (let i = 0; i < 4; i++) await opportunities.publishNew();
    await eventually(async () => (await stack.query(`SELECT 1 FROM outbox_events WHERE dispatched_at IS NULL`)).length === 0);
    await flush();

    // Only now do the workers start: nothing of what was dispatched is on their queues any more.
    await stack.startWorker('matching');
    await stack.startWorker('notification', { DIGEST_SCHEDULES: 'false' });
    await stack.caughtUp('matching');
    await stack.caughtUp('notification');
    const [twice] = await stack.query<{ count: number }>(`SELECT count(*)::int AS count FROM (SELECT event_id FROM inbox_events GROUP BY consumer, event_id HAVING count(*) > 1) AS d`);
    expect(twice!.count).toBe(0);
  });

  it('registers the digest schedules again after Redis forgot them', async () => {
    await stack.startWorker('notification', { DIGEST_SCHEDULES_CHECK_MS: 300 });
    const queue = new Queue(DIGEST_QUEUE, { connection: workerConnection(redis.url), prefix: String(stack.settings.QUEUE_PREFIX) });
    try {
      await eventually(async () => (await queue.getJobSchedulers()).length === 2);
      await flush();
      expect(await queue.getJobSchedulers()).toEqual([]);
      await eventually(async () => (await queue.getJobSchedulers()).map((s) => s.key).sort().join() === 'daily-digest,weekly-digest');
    } finally {
      await queue.close();
    }
  });
});
