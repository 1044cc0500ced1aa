import { randomUUID } from 'node:crypto';
import { councilRequest, eventually, universityRequest } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

describe('domain events from command to both workers', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];

  beforeAll(async () => {
    stack = await TestStack.create({ WORKER_CONCURRENCY: 4 });
    ({ http } = await stack.startApi());
    await stack.startWorker('matching');
    await stack.startWorker('notification');
  });
  afterAll(() => stack.close());

  const handledBy = (eventId: string) =>
    stack.query<{ consumer: string }>('SELECT consumer FROM inbox_events WHERE event_id = $1 ORDER BY consumer', [eventId]);

  it('delivers university.registered to matching and notification, once each, with the request\'s correlation id', async () => {
    const correlationId = `trace-${randomUUID()}`;
    const created = await http.post('/api/universities').set('x-correlation-id', correlationId).send(universityRequest()).expect(201);
    const [event] = await stack.query<{ id: string }>('SELECT id FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);

    await eventually(async () => expect(await handledBy(event!.id)).toEqual([{ consumer: 'matching' }, { consumer: 'notification' }]));

    const [outbox] = await stack.query('SELECT dispatched_at, dispatch_attempts FROM outbox_events WHERE id = $1', [event!.id]);
    expect(outbox).toMatchObject({ dispatched_at: expect.any(Date), dispatch_attempts: 1 });
    for (const group of ['matching', 'notification'] as const) {
      const job = await stack.queue(group).getJob(event!.id);
      expect(job?.name).toBe('university.registered');
      expect(job?.data).toMatchObject({ id: event!.id, type: 'university.registered', version: 1, correlationId });
      expect(job?.returnvalue).toBe('handled');
      expect(job?.attemptsMade).toBe(1);
    }
  });

  it('delivers council.registered the same way', async () => {
    const created = await http.post('/api/councils').send(councilRequest()).expect(201);
    const [event] = await stack.query<{ id: string }>('SELECT id FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);
    await eventually(async () => expect(await handledBy(event!.id)).toHaveLength(2));
  });

  it('acts once when a consumer sees the same event twice', async () => {
    const created = await http.post('/api/universities').send(universityRequest()).expect(201);
    const [event] = await stack.query<{ id: string }>('SELECT id FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);
    await eventually(async () => expect(await handledBy(event!.id)).toHaveLength(2));

    // The same envelope again under another job id: what a redelivery looks like once the first job is gone.
    const queue = stack.queue('matching');
    const original = await queue.getJob(event!.id);
    const again = await queue.add(original!.name, original!.data, { jobId: `redelivery-${event!.id}` });
    await eventually(async () => expect(await again.isCompleted()).toBe(true));

    expect((await queue.getJob(again.id!))?.returnvalue).toBe('duplicate');
    expect(await handledBy(event!.id)).toEqual([{ consumer: 'matching' }, { consumer: 'notification' }]);
  });

  it('does not enqueue an event twice when the relay publishes it again', async () => {
    const created = await http.post('/api/universities').send(universityRequest()).expect(201);
    const [event] = await stack.query<{ id: string }>('SELECT id FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);
    await eventually(async () => expect(await handledBy(event!.id)).toHaveLength(2));
    const countBefore = await stack.queue('notification').getJobCountByTypes('completed', 'waiting', 'active', 'delayed', 'failed');

    // A relay that crashed after enqueueing but before marking the row dispatched sends it again.
    await stack.query('UPDATE outbox_events SET dispatched_at = NULL WHERE id = $1', [event!.id]);
    await eventually(async () => {
      const [row] = await stack.query<{ dispatched_at: Date | null }>('SELECT dispatched_at FROM outbox_events WHERE id = $1', [event!.id]);
      return row!.dispatched_at !== null;
    });

    expect(await stack.queue('notification').getJobCountByTypes('completed', 'waiting', 'active', 'delayed', 'failed')).toBe(countBefore);
    expect(await handledBy(event!.id)).toHaveLength(2);
  });

  it('sends an event of a version no handler knows straight to the failed set, where it can be replayed', async () => {
    const created = await http.post('/api/universities').send(universityRequest()).expect(201);
    const [event] = await stack.query<{ id: string }>('SELECT id FROM outbox_events WHERE aggregate_id = $1', [created.body.id]);
    await eventually(async () => expect(await handledBy(event!.id)).toHaveLength(2));
    const queue = stack.queue('matching');
    const original = await queue.getJob(event!.id);

    const futureId = randomUUID();
    const future = await queue.add('university.registered', { ...original!.data, id: futureId, version: 99 }, { jobId: futureId, attempts: 5 });
    await eventually(async () => expect(await future.isFailed()).toBe(true));
    const failed = await queue.getJob(future.id!);
    expect(failed?.failedReason).toContain('no handler for university.registered version 99');
    expect(failed?.attemptsMade).toBe(1);
    expect(await handledBy(futureId)).toEqual([]);

    const malformed = await queue.add('university.registered', { hello: 'world' }, { jobId: `malformed-${futureId}`, attempts: 5 });
    await eventually(async () => expect(await malformed.isFailed()).toBe(true));
    expect((await queue.getJob(malformed.id!))?.failedReason).toContain('invalid event envelope');

    // Replay: once the data is right, retrying the failed job handles it.
    await failed!.updateData({ ...failed!.data, version: 1 });
    await failed!.retry('failed');
    await eventually(async () => expect(await handledBy(futureId)).toEqual([{ consumer: 'matching' }]));
  });
});
