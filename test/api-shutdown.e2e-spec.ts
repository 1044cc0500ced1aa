import { once } from 'node:events';
import { universityRequest } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

/** Stopping an API under load: the requests in flight finish, and the events they commit go out before it exits. */
describe('stopping the API', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.create();
  });
  afterAll(() => stack.close());

  it('sends the events of the requests it finishes while stopping, and answers the rest 503 problem details', async () => {
    // Only commits and the last dispatch move events: the poll would rescue what shutdown leaves behind.
    const api = await stack.spawnApi({ OUTBOX_RELAY: 'true', OUTBOX_POLL_INTERVAL_MS: 600_000 });
    const login = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'development-admin-password' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const register = () =>
      fetch(`${api.url}/api/universities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify(universityRequest()),
      })
        .then((response) => ({ status: response.status, type: response.headers.get('content-type') ?? '' }))
        .catch(() => ({ status: 0, type: '' }));

    const requests = Array.from({ length: 60 }, register);
    // Stopped while most are still on their way.
    await Promise.race(requests);
    api.process.kill('SIGTERM');
    const answers = await Promise.all(requests);
    await once(api.process, 'exit');

    const created = answers.filter((answer) => answer.status === 201).length;
    expect(created).toBeGreaterThan(0);
    for (const answer of answers.filter((a) => a.status === 503)) expect(answer.type).toContain('application/problem+json');
    const { registered, waiting } = await stack.queryOne<{ registered: number; waiting: number }>(
      `SELECT count(*) FILTER (WHERE type = 'university.registered')::int AS registered, count(*) FILTER (WHERE dispatched_at IS NULL)::int AS waiting FROM outbox_events`,
    );
    expect(registered).toBeGreaterThanOrEqual(created);
    expect(waiting).toBe(0);
  });
});
