import { eventually } from '#libs/testing';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { TestStack } from './support/test-stack.js';

/** On the tests' queue backend, Redis or PostgreSQL: the reconciler asks each queue whether it still holds a job. */
describe('the outbox reconciler', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];

  beforeAll(async () => {
    stack = await TestStack.create({ OUTBOX_POLL_INTERVAL_MS: 200, OUTBOX_RECONCILE_AFTER_SECONDS: 1, OUTBOX_RECONCILE_INTERVAL_MS: 300 });
    ({ http } = await stack.startApi());
  });
  afterAll(() => stack.close());

  it('enqueues again, once, the dispatched events whose jobs a queue no longer holds', async () => {
    const opportunities = await OpportunitiesToPublish.create(stack, http);
    const published = [await opportunities.publishNew(), await opportunities.publishNew()];
    await eventually(async () => (await stack.query(`SELECT 1 FROM outbox_events WHERE dispatched_at IS NULL`)).length === 0);
    // The matching queue loses its jobs; the notification queue keeps its own, still waiting.
    await stack.queue('matching').obliterate({ force: true });
    expect(await stack.queue('matching').getJob(published[0]!)).toBeUndefined();

    await eventually(async () => {
      for (const id of published) expect(await stack.queue('matching').getJobState(id)).toBe('waiting');
    });
    await stack.startWorker('matching');
    await stack.startWorker('notification', { DIGEST_SCHEDULES: 'false' });
    await stack.caughtUp('matching');
    await stack.caughtUp('notification');
    const [twice] = await stack.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM inbox_events GROUP BY consumer, event_id HAVING count(*) > 1) AS d`,
    );
    expect(twice!.count).toBe(0);
    for (const id of published) expect((await stack.queue('notification').getJob(id))?.attemptsMade).toBe(1);
  });
});
