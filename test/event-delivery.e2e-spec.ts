import { randomUUID } from 'node:crypto';
import { domainEvent } from '#libs/events';
import { councilRequest, eventually, universityRequest } from '#libs/testing';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { TestStack } from './support/test-stack.js';

describe('domain events from command to both workers', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let opportunities: OpportunitiesToPublish;

  beforeAll(async () => {
    stack = await TestStack.create({ WORKER_CONCURRENCY: 4 });
    ({ http } = await stack.startApi());
    await stack.startWorker('matching');
    await stack.startWorker('notification');
    opportunities = await OpportunitiesToPublish.create(stack, http);
  });
  afterAll(() => stack.close());

  const handledBy = (eventId: string) =>
    stack.query<{ consumer: string }>('SELECT consumer FROM inbox_events WHERE event_id = $1 ORDER BY consumer', [eventId]);

  it('delivers opportunity.published to matching and notification, once each, with the request\'s correlation id', async () => {
    const correlationId = `trace-${randomUUID()}`;
    const eventId = await opportunities.publishNew({ 'x-correlation-id': correlationId });

    await eventually(async () => expect(await handledBy(eventId)).toEqual([{ consumer: 'matching' }, { consumer: 'notification' }]));

    const [outbox] = await stack.query('SELECT dispatched_at, dispatch_attempts FROM outbox_events WHERE id = $1', [eventId]);
    expect(outbox).toMatchObject({ dispatched_at: expect.any(Date), dispatch_attempts: 1 });
    for (const group of ['matching', 'notification'] as const) {
      const job = await stack.queue(group).getJob(eventId);
      expect(job?.name).toBe('opportunity.published');
      expect(job?.data).toMatchObject({ id: eventId, type: 'opportunity.published', version: 1, correlationId });
      expect(job?.returnvalue).toBe('handled');
      expect(job?.attemptsMade).toBe(1);
    }
  });

  it('dispatches university.registered and council.registered to no group: no worker subscribes to them', async () => {
    const university = await http.post('/api/universities').send(universityRequest()).expect(201);
    const council = await http.post('/api/councils').send(councilRequest()).expect(201);
    const events = await stack.query<{ id: string }>('SELECT id FROM outbox_events WHERE aggregate_id = ANY ($1)', [[university.body.id, council.body.id]]);
    expect(events).toHaveLength(2);
    await eventually(async () => (await stack.query('SELECT 1 FROM outbox_events WHERE id = ANY ($1) AND dispatched_at IS NULL', [events.map((e) => e.id)])).length === 0);

    for (const { id } of events) {
      for (const group of ['matching', 'notification'] as const) expect(await stack.queue(group).getJob(id)).toBeUndefined();
      expect(await handledBy(id)).toEqual([]);
    }
    // Put on a queue all the same, it has no handler there and goes to the failed set.
    const stray = domainEvent('university.registered', { aggregateId: university.body.id, payload: { universityId: university.body.id, name: 'Stray', shortName: null } });
    const job = await stack.queue('matching').add(stray.type, stray, { jobId: stray.id });
    await eventually(async () => expect(await job.isFailed()).toBe(true));
    expect((await stack.queue('matching').getJob(stray.id))?.failedReason).toContain('matching has no handler for university.registered version 1');
  });

  it('acts once when a consumer sees the same event twice', async () => {
    const eventId = await opportunities.publishNew();
    await eventually(async () => expect(await handledBy(eventId)).toHaveLength(2));

    // The same envelope again under another job id: what a redelivery looks like once the first job is gone.
    const queue = stack.queue('matching');
    const original = await queue.getJob(eventId);
    const again = await queue.add(original!.name, original!.data, { jobId: `redelivery-${eventId}` });
    await eventually(async () => expect(await again.isCompleted()).toBe(true));

    expect((await queue.getJob(again.id!))?.returnvalue).toBe('duplicate');
    expect(await handledBy(eventId)).toEqual([{ consumer: 'matching' }, { consumer: 'notification' }]);
  });

  it('does not enqueue an event twice when the relay publishes it again', async () => {
    const eventId = await opportunities.publishNew();
    await eventually(async () => expect(await handledBy(eventId)).toHaveLength(2));
    const countBefore = await stack.queue('notification').getJobCountByTypes('completed', 'waiting', 'active', 'delayed', 'failed');

    // A relay that crashed after enqueueing but before marking the row dispatched sends it again.
    await stack.query('UPDATE outbox_events SET dispatched_at = NULL WHERE id = $1', [eventId]);
    await eventually(async () => {
      const [row] = await stack.query<{ dispatched_at: Date | null }>('SELECT dispatched_at FROM outbox_events WHERE id = $1', [eventId]);
      return row!.dispatched_at !== null;
    });

    expect(await stack.queue('notification').getJobCountByTypes('completed', 'waiting', 'active', 'delayed', 'failed')).toBe(countBefore);
    expect(await handledBy(eventId)).toHaveLength(2);
  });

  it('sends an event of a version no handler knows straight to the failed set, where it can be replayed', async () => {
    const eventId = await opportunities.publishNew();
    await eventually(async () => expect(await handledBy(eventId)).toHaveLength(2));
    const queue = stack.queue('matching');
    const original = await queue.getJob(eventId);

    const futureId = randomUUID();
    const future = await queue.add('opportunity.published', { ...original!.data, id: futureId, version: 99 }, { jobId: futureId, attempts: 5 });
    await eventually(async () => expect(await future.isFailed()).toBe(true));
    const failed = await queue.getJob(future.id!);
    expect(failed?.failedReason).toContain('no handler for opportunity.published version 99');
    expect(failed?.attemptsMade).toBe(1);
    expect(await handledBy(futureId)).toEqual([]);

    const malformed = await queue.add('opportunity.published', { hello: 'world' }, { jobId: `malformed-${futureId}`, attempts: 5 });
    await eventually(async () => expect(await malformed.isFailed()).toBe(true));
    expect((await queue.getJob(malformed.id!))?.failedReason).toContain('invalid event envelope');

    // Replay: once the data is right, retrying the failed job handles it.
    await failed!.updateData({ ...failed!.data, version: 1 });
    await failed!.retry('failed');
    await eventually(async () => expect(await handledBy(futureId)).toEqual([{ consumer: 'matching' }]));
  });
});
