import { eventually, freePort } from '#libs/testing';
import { ScrapedMetrics } from './support/scraped-metrics.js';
import { TestStack } from './support/test-stack.js';

/** Each process serves Prometheus metrics on a port of its own; scraped here as Prometheus would. */
describe('metrics', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.create();
  });
  afterAll(() => stack.close());

  describe('of the API process', () => {
    let api: string;
    let metrics: string;

    beforeAll(async () => {
      const port = await freePort();
      ({ url: api } = await stack.spawnApi({ API_METRICS_PORT: port, OUTBOX_RELAY: 'true' }));
      metrics = `http://127.0.0.1:${port}/metrics`;
    });

    const scrape = () => ScrapedMetrics.from(metrics);

    it('times requests by route pattern, method and status code', async () => {
      const requests = (labels: Record<string, string>) => async () => (await scrape()).value('http_request_duration_seconds_count', labels) ?? 0;
      const health = requests({ route: '/api/health', method: 'GET', status_code: '200' });
      const university = requests({ route: '/api/universities/:id', method: 'GET', status_code: '401' });
      const unmatched = requests({ route: '(unmatched)', method: 'GET', status_code: '404' });
      const before = { health: await health(), university: await university(), unmatched: await unmatched() };

      for (let i = 0; i < 3; i++) expect((await fetch(`${api}/api/health`)).status).toBe(200);
      const id = crypto.randomUUID();
      expect((await fetch(`${api}/api/universities/${id}`)).status).toBe(401);
      expect((await fetch(`${api}/api/no-such-thing/${crypto.randomUUID()}`)).status).toBe(404);

      // The response is timed once it has been sent, so the scrape may just precede it.
      await eventually(async () => expect(await health()).toBe(before.health + 3));
      await eventually(async () => expect(await university()).toBe(before.university + 1));
      await eventually(async () => expect(await unmatched()).toBe(before.unmatched + 1));
      // Raw URLs (with their ids) never become label values.
      expect((await scrape()).text).not.toContain(id);
      expect((await scrape()).value('http_request_duration_seconds_bucket', { route: '/api/health', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    });

    it('includes the process figures (memory, CPU, event loop)', async () => {
      const scraped = await scrape();
      expect(scraped.value('process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(scraped.describes('nodejs_eventloop_lag_seconds')).toBe(true);
    });

    it('are not served on the public port', async () => {
      expect((await fetch(`${api}/metrics`)).status).toBe(404);
      expect((await fetch(`${api}/api/metrics`)).status).toBe(404);
    });

    it('answer nothing but GET /metrics on the metrics port', async () => {
      expect((await fetch(metrics.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(metrics, { method: 'POST' })).status).toBe(404);
    });
  });
});
