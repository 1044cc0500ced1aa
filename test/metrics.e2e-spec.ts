import { once } from 'node:events';
import { createServer } from 'node:net';
import { councilRequest, eventually, freePort, SmtpInbox } from '#libs/testing';
import { OpportunitiesToPublish } from './support/opportunities-to-publish.js';
import { ScrapedMetrics } from './support/scraped-metrics.js';
import { TestStack } from './support/test-stack.js';

/** Each process serves Prometheus metrics on a port of its own; scraped here as Prometheus would. */
describe('metrics', () => {
  let stack: TestStack;
  let opportunities: OpportunitiesToPublish;
  let admin: Awaited<ReturnType<TestStack['startApi']>>['http'];

  beforeAll(async () => {
    stack = await TestStack.create();
    // An API in the test's own process makes the events, and relays them.
    ({ http: admin } = await stack.startApi());
    opportunities = await OpportunitiesToPublish.create(stack, admin);
  });
  afterAll(() => stack.close());

  /** A process's metrics address, once it answers there. */
  async function metricsAt(port: number): Promise<string> {
    const url = `http://127.0.0.1:${port}/metrics`;
    await eventually(async () => (await fetch(url).catch(() => null))?.ok === true);
    return url;
  }

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

    it('shows the depth and oldest waiting job of each consumer group\'s queue', async () => {
      // No notification worker runs here: its queue keeps what is published.
      const before = (await scrape()).value('queue_jobs', { queue: 'notification-events', state: 'waiting' }) ?? 0;
      await opportunities.publishNew();
      await eventually(async () => expect((await scrape()).value('queue_jobs', { queue: 'notification-events', state: 'waiting' })).toBe(before + 1));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const scraped = await scrape();
      expect(scraped.value('queue_oldest_waiting_job_age_seconds', { queue: 'notification-events' })).toBeGreaterThanOrEqual(1);
      expect(scraped.value('queue_jobs', { queue: 'matching-events', state: 'failed' })).toBeDefined();
    });

    it('shows the outbox lag: none while the relay keeps up', async () => {
      await opportunities.publishNew();
      await eventually(async () => {
        const scraped = await scrape();
        expect(scraped.value('outbox_undispatched_events')).toBe(0);
        expect(scraped.value('outbox_lag_seconds')).toBe(0);
      });
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

    it('and the web in front of it: its requests by route pattern, on its own metrics port only', async () => {
      const port = await freePort();
      const { url: web } = await stack.spawnWeb(api, { WEB_METRICS_PORT: port });
      const webMetrics = await metricsAt(port);
      const before = (await ScrapedMetrics.from(webMetrics)).value('http_request_duration_seconds_count', { route: '/sign-in', method: 'GET', status_code: '200' }) ?? 0;
      expect((await fetch(`${web}/sign-in`)).status).toBe(200);
      await eventually(async () =>
        expect((await ScrapedMetrics.from(webMetrics)).value('http_request_duration_seconds_count', { route: '/sign-in', method: 'GET', status_code: '200' })).toBe(before + 1),
      );
      expect((await fetch(`${web}/metrics`, { redirect: 'manual' })).status).toBe(404);
    });

    it('answer nothing but GET /metrics on the metrics port', async () => {
      expect((await fetch(metrics.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(metrics, { method: 'POST' })).status).toBe(404);
    });
  });

  describe('of a worker process', () => {
    let metrics: string;

    beforeAll(async () => {
      const port = await freePort();
      await stack.spawnWorker('matching', { MATCHING_WORKER_METRICS_PORT: port });
      metrics = await metricsAt(port);
      // The events published before it started are its first jobs: counts are compared after them.
      await eventually(async () => expect(await stack.queue('matching').getJobCounts('waiting', 'active')).toEqual({ waiting: 0, active: 0 }));
    });

    const scrape = () => ScrapedMetrics.from(metrics);

    it('times each event handled, by consumer group, type and outcome', async () => {
      const handled = async () =>
        (await scrape()).value('event_handling_duration_seconds_count', { group: 'matching', type: 'opportunity.published', outcome: 'handled' }) ?? 0;
      const before = await handled();
      await opportunities.publishNew();
      await opportunities.publishNew();
      await eventually(async () => expect(await handled()).toBe(before + 2));
    });

    it('shows the use of its database pool', async () => {
      const scraped = await scrape();
      expect(scraped.value('database_pool_max_connections')).toBe(5);
      expect(scraped.value('database_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0);
      expect(scraped.value('database_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(0);
      expect(scraped.value('database_pool_waiting_requests')).toBe(0);
    });

    it('counts failures by type, final when the job stays in the failed set', async () => {
      const failures = async () => (await scrape()).value('event_failures_total', { group: 'matching', type: 'opportunity.published', final: 'true' }) ?? 0;
      const before = await failures();
      // No envelope at all: the contract is broken, so it fails at once, for good.
      await stack.queue('matching').add('opportunity.published', { nonsense: true }, { attempts: 3 });
      await eventually(async () => expect(await failures()).toBe(before + 1));
      const scraped = await scrape();
      expect(scraped.value('event_handling_duration_seconds_count', { group: 'matching', type: 'opportunity.published', outcome: 'failed' })).toBeGreaterThanOrEqual(1);
    });
  });

  describe('of an API process while no relay runs', () => {
    it('shows the outbox lag: the age of the oldest event not yet dispatched', async () => {
      // A slice of its own, where nothing relays, so the event stays in the outbox.
      const quiet = await TestStack.create({ OUTBOX_RELAY: 'false' });
      try {
        const port = await freePort();
        await quiet.spawnApi({ API_METRICS_PORT: port });
        const metrics = await metricsAt(port);
        await quiet.query(
          `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, correlation_id, payload)
           VALUES (gen_random_uuid(), 'university.registered', 1, now() - interval '90 seconds', 'university', gen_random_uuid()::text, 'metrics-test', '{}')`,
        );
        const scraped = await ScrapedMetrics.from(metrics);
        expect(scraped.value('outbox_undispatched_events')).toBe(1);
        expect(scraped.value('outbox_lag_seconds')).toBeGreaterThanOrEqual(90);
        expect(scraped.value('outbox_lag_seconds')).toBeLessThan(200);
      } finally {
        await quiet.close();
      }
    });
  });

  describe('of the notification worker process', () => {
    let inbox: SmtpInbox;
    let metrics: string;

    beforeAll(async () => {
      inbox = await SmtpInbox.start();
      const port = await freePort();
      await stack.spawnWorker('notification', { NOTIFICATION_WORKER_METRICS_PORT: port, SMTP_URL: inbox.url });
      metrics = await metricsAt(port);
    });
    afterAll(() => inbox.stop());

    const scrape = () => ScrapedMetrics.from(metrics);
    const councilId = async () => (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id as string;
    const invite = async (email: string) =>
      admin.post('/api/invitations').send({ email, displayName: 'Someone Invited', role: 'practitioner', councilId: await councilId() }).expect(201);

    it('counts the emails sent and those suppressed, by template', async () => {
      const sent = async () => (await scrape()).value('emails_sent_total', { template: 'invitation' }) ?? 0;
      const suppressed = async () => (await scrape()).value('emails_suppressed_total', { template: 'invitation', reason: 'suppressed' }) ?? 0;
      const before = { sent: await sent(), suppressed: await suppressed() };

      await invite('welcome@example.org');
      await inbox.waitFor('welcome@example.org');
      await eventually(async () => expect(await sent()).toBe(before.sent + 1));

      await stack.query(`INSERT INTO email_suppressions (email, reason, smtp_response) VALUES ('bounced-before@example.org', 'hard_bounce', '550 no such user')`);
      await invite('bounced-before@example.org');
      await eventually(async () => expect(await suppressed()).toBe(before.suppressed + 1));
      expect(inbox.to('bounced-before@example.org')).toHaveLength(0);
      expect((await scrape()).describes('emails_failed_total')).toBe(true);
    });

    it('shows the digests\' progress and their queue', async () => {
      const runs = async () => (await scrape()).value('digest_runs_total', { frequency: 'daily' }) ?? 0;
      const before = await runs();
      await admin.post('/api/admin/digests/daily').expect(202);
      await eventually(async () => expect(await runs()).toBe(before + 1));
      const scraped = await scrape();
      expect(scraped.describes('digest_batches_sent_total')).toBe(true);
      expect(scraped.value('queue_jobs', { queue: 'notification-digests', state: 'waiting' })).toBeDefined();
    });
  });

  it('a worker whose metrics port is taken stops at start-up, naming the setting that moves it', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const port = (taken.address() as { port: number }).port;
      const worker = await stack.spawnWorker('matching', { MATCHING_WORKER_METRICS_PORT: port });
      const [code] = await once(worker, 'exit');
      expect(code).not.toBe(0);
      expect(worker.output()).toContain(`Metrics cannot listen on 127.0.0.1:${port}`);
      expect(worker.output()).toContain('set MATCHING_WORKER_METRICS_PORT to another port, or 0 for none');
    } finally {
      taken.close();
    }
  });
});
