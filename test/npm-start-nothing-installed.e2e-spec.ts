import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { eventually, freePort } from '#libs/testing';
import { PRODUCT_APPS, StartedProduct } from './support/started-product.js';

const STARTING = 300_000;

/**
 * `npm start` with no DATABASE_URL and no REDIS_URL, as on a machine with nothing installed but
 * Node.js: it runs an embedded PostgreSQL, keeps the queues in it, and serves the demo. (CI also
 * runs the whole suite where neither this machine's PostgreSQL nor its Redis can be reached.)
 */
describe('npm start with nothing configured', () => {
  // In the project (npm start runs in a copy under a private temporary folder): as root the server
  // runs as the postgres user, which must be able to reach its folder.
  const dataDir = join(process.cwd(), `.data/test-embedded-${randomBytes(4).toString('hex')}`);
  let product: StartedProduct;
  let databasePort: number;
  let api: string;

  /** Signed in as one of the demo's people; answers the parsed JSON body. */
  async function as(email: string, password = 'demo-password-2026') {
    const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    return async <T>(method: string, path: string, body?: object): Promise<T> => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, ...(body && { 'content-type': 'application/json' }) },
        body: body && JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as T;
    };
  }

  beforeAll(async () => {
    databasePort = await freePort();
    // The test run's own settings (its database server, Redis) must not reach the product.
    const unset = Object.fromEntries(['DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'TEST_DATABASE_SERVER_URL', 'TEST_REDIS_URL'].map((name) => [name, '']));
    product = await StartedProduct.start('npm', { ...unset, EMBEDDED_DATABASE_DIR: dataDir, EMBEDDED_DATABASE_PORT: databasePort, DIGEST_SCHEDULES: 'false' });
    await product.running();
    api = `http://127.0.0.1:${product.ports.PORT}/api`;
  }, STARTING);

  afterAll(async () => {
    await product?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.log`, { force: true });
  });

  it('says what it runs on, and runs the database beside the five processes', async () => {
    expect(product.said()).toContain(`database: embedded PostgreSQL 18 in ${dataDir}; queues: PostgreSQL`);
    expect(Object.keys(product.apps()).sort()).toEqual([...PRODUCT_APPS].sort());
    expect(product.processes().some((p) => p.command.includes('embedded-database.js start'))).toBe(true);
    const health = (await (await fetch(`${api}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });

  it('carries an application and an approval through both workers, the approval email to the mail catcher', async () => {
    const practitioner = await as('practitioner@norfolk.example');
    const search = await practitioner<{ items: { id: string }[] }>('GET', '/opportunities?type=teaching&hasFreePlaces=true&sort=soonest');
    const opportunityId = search.items[0]!.id;
    await practitioner('POST', `/opportunities/${opportunityId}/applications`, { statement: 'I supervise ASYE social workers and would like to teach.' });

    const lead = await as('lead@norfolk-suffolk.example');
    const [application] = await lead<{ id: string }[]>('GET', `/opportunities/${opportunityId}/applications`);
    const match = await lead<{ id: string }>('POST', '/matches', { applicationId: application!.id });
    await lead('POST', `/matches/${match.id}/approve`, {});

    // The matching worker ranked the demo's opportunities from their events on the PostgreSQL queues.
    expect((await lead<unknown[]>('GET', `/opportunities/${opportunityId}/recommendations`)).length).toBeGreaterThan(0);
    const mails = `http://127.0.0.1:${product.ports.MAIL_CATCHER_PORT}/messages.json`;
    await eventually(
      async () => {
        const caught = (await (await fetch(mails)).json()) as { to: string[]; subject: string }[];
        return caught.some((mail) => mail.to.includes('practitioner@norfolk.example') && mail.subject.startsWith('Confirmed: '));
      },
      { timeoutMs: 60_000 },
    );

    const db = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${databasePort}/tpm` });
    await db.connect();
    try {
      const { rows } = await db.query<{ consumer: string }>(
        `SELECT DISTINCT consumer FROM inbox_events WHERE event_type IN ('application.submitted', 'match.approved', 'opportunity.published') ORDER BY consumer`,
      );
      expect(rows.map((row) => row.consumer)).toEqual(['matching', 'notification']);
      const { rows: schemas } = await db.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE nspname = 'tpm_queues'`);
      expect(schemas).toEqual([{ name: 'tpm_queues' }]);
    } finally {
      await db.end();
    }
  });

  it('stops the embedded database with the rest on SIGTERM', async () => {
    process.kill(product.pid, 'SIGTERM');
    await product.allGone();
    const refused = await new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${databasePort}/postgres`, connectionTimeoutMillis: 2000 })
      .connect()
      .then(() => false)
      .catch(() => true);
    expect(refused).toBe(true);
  });
});
