import { describeWithRedisServer, DisposableRedis, eventually, TcpProxy, universityRequest } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

/** PostgreSQL stopped or frozen, behind a switch of this file's own, so other test files keep theirs. */
describe('PostgreSQL going away', () => {
  let stack: TestStack;
  let proxy: TcpProxy;
  let redis: DisposableRedis | undefined;
  let http: Awaited<ReturnType<TestStack['startApi']>>['http'];
  let anonymous: Awaited<ReturnType<TestStack['startApi']>>['anonymous'];

  const unavailable = (response: { status: number; headers: Record<string, string>; body: { status?: number } }) => {
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body.status).toBe(503);
  };
  const whileDown = () => [
    http.get('/api/universities'),
    http.get('/api/me'),
    anonymous.post('/api/auth/login').send({ email: 'someone@example.org', password: 'a password' }),
  ];

  beforeAll(async () => {
    // The queues are on the tests' backend: on PostgreSQL they go away with it.
    stack = await TestStack.create();
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(stack.database.url).port || 5432) });
    ({ http, anonymous } = await stack.startApi({
      DATABASE_URL: proxy.in(stack.database.url),
      DATABASE_CONNECT_TIMEOUT_MS: 500,
      DATABASE_STATEMENT_TIMEOUT_MS: 1000,
      // Every request asks the database who is calling.
      CALLER_CACHE_SECONDS: 0,
      OUTBOX_RELAY: 'false',
    }));
    await http.post('/api/universities').send(universityRequest()).expect(201);
  });
  afterEach(() => proxy.open());
  afterAll(async () => {
    await stack.close();
    await proxy.stop();
    await redis?.stop();
  });

  it('answers 503 with Retry-After while the database refuses connections, and recovers by itself', async () => {
    proxy.refuse();
    for (const response of await Promise.all(whileDown())) unavailable(response);
    proxy.open();
    expect((await http.get('/api/universities').expect(200)).body.items).toHaveLength(1);
  });

  it('answers 503 while the database is frozen rather than waiting for it', async () => {
    proxy.freeze();
    // Answered while the database is still frozen: without timeouts these would wait for the thaw.
    for (const response of await Promise.all(whileDown())) unavailable(response);
    proxy.open();
    await http.get('/api/universities').expect(200);
  });

  describeWithRedisServer('with the queues in a Redis of its own', () => {
    let onRedis: typeof http;

    beforeAll(async () => {
      redis = await DisposableRedis.start();
      ({ http: onRedis } = await stack.startApi({ QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, OUTBOX_RELAY: 'false' }));
    });

    it('answers 503 when running a digest needs Redis and Redis is away', async () => {
      await redis!.stop();
      try {
        unavailable(await onRedis.post('/api/admin/digests/daily'));
      } finally {
        await redis!.resume();
      }
      await eventually(async () => (await onRedis.post('/api/admin/digests/daily')).status === 202, { timeoutMs: 30_000 });
    });
  });
});
