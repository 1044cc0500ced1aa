import { type Histogram, Registry } from 'prom-client';
import { EventMetrics } from './event-metrics.js';

const outcomes = async (registry: Registry) =>
  Object.fromEntries(
    (await (registry.getSingleMetric('event_handling_duration_seconds') as Histogram).get()).values
      .filter((sample) => sample.metricName === 'event_handling_duration_seconds_count')
      .map((sample) => [`${sample.labels.type} ${sample.labels.outcome}`, sample.value]),
  );

describe('EventMetrics', () => {
  it('times each job into how it ended, an outage apart from a failure', async () => {
    const registry = new Registry();
    const metrics = new EventMetrics('matching', registry);
    await metrics.time('opportunity.published', () => Promise.resolve('handled' as const));
    await metrics.time('opportunity.published', () => Promise.resolve('duplicate' as const));
    await expect(metrics.time('opportunity.published', () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).rejects.toThrow();
    await expect(metrics.time('match.approved', () => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
    await metrics.time('not.an-event', () => Promise.resolve('handled' as const));

    expect(await outcomes(registry)).toEqual({
      'opportunity.published handled': 1,
      'opportunity.published duplicate': 1,
      'opportunity.published deferred': 1,
      'match.approved failed': 1,
      'unknown handled': 1,
    });
  });

  it('counts failures by type, final or not', async () => {
    const registry = new Registry();
    const metrics = new EventMetrics('notification', registry);
    metrics.failed('match.approved', false);
    metrics.failed('match.approved', true);
    metrics.failed(undefined, true);
    const text = await registry.metrics();
    expect(text).toContain('event_failures_total{group="notification",type="match.approved",final="false"} 1');
    expect(text).toContain('event_failures_total{group="notification",type="match.approved",final="true"} 1');
    expect(text).toContain('event_failures_total{group="notification",type="unknown",final="true"} 1');
  });
});
