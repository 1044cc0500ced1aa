import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { CoreConfig, loadConfig } from '#libs/config';
import { domainEvent, type EventEnvelope, eventJobOptions } from '#libs/events';
import { eventually } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

/** Jobs put straight on matching's queue, as a buggy or foreign producer would, past every producer's own check. */
describe('a consumer given an event whose payload breaks the catalogue', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // The production retry settings: a job that is retried at all is still waiting for its second try when the test looks.
    stack = await TestStack.create({ EVENT_JOB_ATTEMPTS: 8, EVENT_JOB_BACKOFF_MS: 1000 });
    await stack.startWorker('matching');
  });
  afterAll(async () => {
    await stack.close();
  });

  async function publish(event: EventEnvelope, payload: unknown): Promise<string> {
    const options = eventJobOptions(loadConfig(CoreConfig, stack.settings));
    await stack.queue('matching').add(event.type, { ...event, payload }, { ...options, jobId: event.id });
    return event.id;
  }

  /** The job's state once the worker has tried it: it is neither waiting for nor in its first attempt. */
  async function afterFirstAttempt(jobId: string): Promise<string> {
    const queue = stack.queue('matching');
    return eventually(async () => {
      const state = await queue.getJobState(jobId);
      return ['failed', 'delayed', 'completed'].includes(state) ? state : false;
    });
  }

  const handled = async (eventId: string) =>
    (await stack.query('SELECT 1 FROM inbox_events WHERE consumer = $1 AND event_id = $2', ['matching', eventId])).length > 0;

  const published = () => {
    const opportunityId = randomUUID();
    const partnershipId = randomUUID();
    return domainEvent('opportunity.published', {
      aggregateId: opportunityId,
      partnershipId,
      payload: { opportunityId, partnershipId, type: 'teaching', title: 'Lecture on risk', status: 'published' },
    });
  };

  it('handles a valid event of the same type (the worker is there to refuse the others)', async () => {
    const event = published();
    const eventId = await publish(event, event.payload);
    expect(await afterFirstAttempt(eventId)).toBe('completed');
    expect(await handled(eventId)).toBe(true);
  });

  it('fails an empty payload at once, naming every missing field, and never records it as handled', async () => {
    const eventId = await publish(published(), {});
    expect(await afterFirstAttempt(eventId)).toBe('failed');
    const job = await stack.queue('matching').getJob(eventId);
    expect(job!.attemptsMade).toBe(1);
    expect(job!.failedReason).toBe('invalid payload of opportunity.published v1: opportunityId: missing; partnershipId: missing; type: missing; title: missing; status: missing');
    expect(await handled(eventId)).toBe(false);
  });

  it('fails a field of the wrong type at once instead of retrying it against the database, and lists it among the failed events', async () => {
    const event = published();
    const eventId = await publish(event, { ...event.payload, opportunityId: 5 });
    expect(await afterFirstAttempt(eventId)).toBe('failed');
    const job = await stack.queue('matching').getJob(eventId);
    expect(job!.attemptsMade).toBe(1);
    expect(job!.failedReason).toBe('invalid payload of opportunity.published v1: opportunityId: expected a UUID');
    expect(await handled(eventId)).toBe(false);

    const listed = spawnSync(process.execPath, ['dist/libs/events/src/cli/failed-events.js', 'list'], {
      env: { ...process.env, ...Object.fromEntries(Object.entries(stack.settings).map(([k, v]) => [k, String(v)])) },
      encoding: 'utf8',
    });
    expect(listed.status).toBe(0);
    const rows = listed.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toContainEqual(expect.objectContaining({ group: 'matching', jobId: eventId, attempts: 1, failedReason: job!.failedReason }));
  });
});
