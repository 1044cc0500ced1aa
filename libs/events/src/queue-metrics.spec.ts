import type { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { watchQueue } from './queue-metrics.js';

/** A stand-in for a BullMQ queue, answering the two reads the gauges make. */
function queue(name: string, answer: () => Promise<unknown>, oldest?: { timestamp: number }): Queue {
  return {
    name,
    getJobCounts: () => answer().then(() => ({ waiting: 3, prioritized: 0, delayed: 1, active: 2, failed: 4 })),
    getJobs: () => answer().then(() => (oldest ? [oldest] : [])),
  } as unknown as Queue;
}

const values = async (registry: Registry, name: string) =>
  Object.fromEntries((await registry.getSingleMetric(name)!.get()).values.map((sample) => [Object.values(sample.labels).join(' '), sample.value]));

describe('watchQueue', () => {
  it('shows the jobs by state and the age of the oldest waiting job of each queue watched', async () => {
    const registry = new Registry();
    watchQueue(registry, queue('matching-events', () => Promise.resolve(), { timestamp: Date.now() - 30_000 }));
    watchQueue(registry, queue('notification-events', () => Promise.resolve()));

    expect(await values(registry, 'queue_jobs')).toMatchObject({ 'matching-events waiting': 3, 'matching-events failed': 4, 'notification-events active': 2 });
    const oldest = await values(registry, 'queue_oldest_waiting_job_age_seconds');
    expect(oldest['matching-events']).toBeGreaterThanOrEqual(30);
    expect(oldest['notification-events']).toBe(0);
  });

  it('answers a scrape within its timeout when a store does not answer, showing nothing for that queue', async () => {
    const registry = new Registry();
    watchQueue(registry, queue('stuck', () => new Promise(() => undefined)));
    watchQueue(registry, queue('fine', () => Promise.resolve()));

    const started = Date.now();
    const text = await registry.metrics();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text).toContain('queue_jobs{queue="fine",state="waiting"} 3');
    expect(text).not.toContain('queue="stuck"');
  });
});
