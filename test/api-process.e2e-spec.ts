import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { childNodeArgs, eventually, freePort } from '#libs/testing';
import { TestStack } from './support/test-stack.js';

const API_ENTRY = 'dist/apps/api/src/main.js';

function runApi(env: Record<string, string | number>) {
  const child = spawn(process.execPath, childNodeArgs(API_ENTRY), {
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

/** The API as its own process, as the run command starts it. */
describe('the API process', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.create();
  });
  afterAll(() => stack.close());

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://nope'],
    ['REDIS_URL', 'localhost:6379'],
    ['LOG_LEVEL', 'chatty'],
    ['OUTBOX_RELAY', 'maybe'],
  ])('stops at start-up, naming %s, when it is %s', async (variable, value) => {
    const api = runApi({ ...stack.settings, [variable]: value });
    const [code] = await once(api, 'exit');
    expect(code).toBe(1);
    expect(api.output()).toContain('Invalid configuration');
    expect(api.output()).toContain(`${variable}=${JSON.stringify(value)}`);
  });

  it('stops at start-up, naming REDIS_URL, when the queues are to be in Redis and REDIS_URL is not set', async () => {
    const { REDIS_URL: _unset, ...settings } = stack.settings;
    const api = runApi({ ...settings, QUEUE_BACKEND: 'redis', REDIS_URL: '' });
    const [code] = await once(api, 'exit');
    expect(code).toBe(1);
    expect(api.output()).toContain('REDIS_URL must be set when QUEUE_BACKEND is redis');
  });

  it('serves health, the OpenAPI document and its UI, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = runApi({ ...stack.settings, PORT: port, API_DOCS_UI: 'true', LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${port}/api`;
    try {
      const health = await eventually(() => fetch(`${base}/health`));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, queues: { status: 'up' } } });

      const ui = await fetch(`${base}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger-ui');

      const document = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, object>; components: { schemas: object } };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/universities', '/api/universities/{id}', '/api/councils', '/api/councils/{id}', '/api/partnerships', '/api/partnerships/{id}/members', '/api/health']),
      );
      expect(document.components.schemas).toHaveProperty('ProblemDetails');
      expect(document.components.schemas).toHaveProperty('RegisterUniversityRequest');

      // Logs are JSON lines, and a request's line carries its correlation id.
      await fetch(`${base}/universities`, { headers: { 'x-correlation-id': 'log-check-1' } });
      await eventually(() => api.output().includes('log-check-1'));
      const line = api.output().split('\n').find((l) => l.includes('log-check-1'));
      expect(JSON.parse(line!)).toMatchObject({ correlationId: 'log-check-1', msg: 'request completed' });
    } finally {
      api.kill('SIGTERM');
      await once(api, 'exit');
    }
    expect(api.output()).not.toMatch(/"level":50/);
  });

  it('shows Bull Board for every queue to admins only, at /api/admin/queues', async () => {
    const port = await freePort();
    const api = runApi({ ...stack.settings, PORT: port, QUEUE_DASHBOARD: 'true' });
    const base = `http://127.0.0.1:${port}/api`;
    const post = (path: string, body: object, token?: string) =>
      fetch(`${base}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then((response) => ({ json: () => response.json() as Promise<Record<string, string>> }));
    try {
      await eventually(() => fetch(`${base}/health`));
      const admin = (await (await post('auth/login', { email: 'admin@example.org', password: 'development-admin-password' })).json()).accessToken as string;
      const invited = await (await post('invitations', { email: 'lead.queues@example.org', displayName: 'Lee', role: 'partnership_lead' }, admin)).json();
      await post('invitations/accept', { token: invited.invitationToken, password: 'a long enough password' });
      const lead = (await (await post('auth/login', { email: 'lead.queues@example.org', password: 'a long enough password' })).json()).accessToken as string;

      expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
      expect((await fetch(`${base}/admin/queues`, { headers: { authorization: `Bearer ${lead}` } })).status).toBe(403);
      expect((await fetch(`${base}/admin/queues`, { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
      const page = await fetch(`${base}/admin/queues`, { headers: { authorization: `Bearer ${admin}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const listed = (await (await fetch(`${base}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { queues: { name: string }[] };
      expect(listed.queues.map((q) => q.name).sort()).toEqual(['matching-events', 'notification-digests', 'notification-events']);

      // A browser: the token once in the address, then the cookie.
      const entry = await fetch(`${base}/admin/queues?token=${admin}`, { redirect: 'manual' });
      expect(entry.status).toBe(302);
      const cookie = entry.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie } })).status).toBe(200);
    } finally {
      api.kill('SIGTERM');
      await once(api, 'exit');
    }
  });
});
