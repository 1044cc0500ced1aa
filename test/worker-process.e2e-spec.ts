import { once } from 'node:events';
import pg from 'pg';
import { eventually } from '#libs/testing';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { TestStack } from './support/test-stack.js';

/**
 * Workers as real OS processes. To catch a worker in the middle of a job, the test holds a lock
 * on the inbox table: the worker's job then waits inside its transaction until the test lets go.
 */
describe('a worker process', () => {
  let stack: TestStack;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let blocker: pg.Client;
  let opportunities: OpportunitiesToPublish;

  beforeAll(async () => {
    stack = await TestStack.create({ WORKER_LOCK_DURATION_MS: 1000, WORKER_STALLED_INTERVAL_MS: 500 });
    ({ http } = await stack.startApi());
    opportunities = await OpportunitiesToPublish.create(stack, http);
  });
  afterAll(() => stack.close());

  beforeEach(async () => {
    blocker = new pg.Client({ connectionString: stack.database.url });
    await blocker.connect();
  });
  afterEach(() => blocker.end());

  async function blockInbox(): Promise<void> {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE inbox_events IN SHARE MODE');
  }

  async function publishWithActiveJob(): Promise<string> {
    const eventId = await opportunities.publishNew();
    const queue = stack.queue('matching');
    await eventually(async () => expect(await queue.getJobState(eventId)).toBe('active'));
    return eventId;
  }

  const spawnReadyWorker = async () => {
    const worker = await stack.spawnWorker('matching', { LOG_LEVEL: 'info' });
    await eventually(() => worker.output().includes('Consuming matching-events'));
    return worker;
  };

  it('killed mid-job: the job comes back as stalled and is handled once by another worker', async () => {
    const doomed = await spawnReadyWorker();
    await blockInbox();
    const eventId = await publishWithActiveJob();

    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    await blocker.query('ROLLBACK');
    expect(await stack.inboxCount('matching')).toBe(0);

    const survivor = await spawnReadyWorker();
    const queue = stack.queue('matching');
    await eventually(async () => expect(await queue.getJobState(eventId)).toBe('completed'));

    const job = await queue.getJob(eventId);
    expect(job?.returnvalue).toBe('handled');
    expect(job?.stalledCounter).toBe(1);
    expect(await stack.inboxCount('matching')).toBe(1);
    // The worker's log line for the job carries the correlation id of the request that caused it.
    const [event] = await stack.query<{ correlation_id: string }>('SELECT correlation_id FROM outbox_events WHERE id = $1', [eventId]);
    const handledLine = survivor.output().split('\n').find((line) => line.includes('"event handled"'));
    expect(JSON.parse(handledLine!)).toMatchObject({ eventId, correlationId: event!.correlation_id, msg: 'event handled' });
    survivor.kill('SIGKILL');
    await once(survivor, 'exit');
  });

  it('asked to stop (SIGTERM) mid-job: finishes the job, then exits', async () => {
    const before = await stack.inboxCount('matching');
    const worker = await spawnReadyWorker();
    await blockInbox();
    const eventId = await publishWithActiveJob();

    const exited = once(worker, 'exit');
    worker.kill('SIGTERM');
    await eventually(() => worker.output().includes('finishing the active ones'));
    expect(worker.exitCode).toBeNull();
    await blocker.query('ROLLBACK');
    await exited;

    const job = await stack.queue('matching').getJob(eventId);
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toBe('handled');
    expect(job?.stalledCounter).toBe(0);
    expect(await stack.inboxCount('matching')).toBe(before + 1);
  });
});
