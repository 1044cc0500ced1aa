import { rm } from 'node:fs/promises';
import pg from 'pg';
import { EMBEDDED_POSTGRES_VERSION, EmbeddedDatabase } from '#libs/database';
import { freePort } from './free-port.js';
import { MACHINE_DATABASE_SERVER_URL } from './test-settings.js';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL server of a test run: the one TEST_DATABASE_SERVER_URL names, else the machine's
 * when it answers, else an embedded one started for the run (throwaway: no fsync, removed on stop).
 * Sets TEST_DATABASE_SERVER_URL for the test workers, which jest starts after the global set-up.
 */
export async function startTestDatabaseServer(run: string): Promise<EmbeddedDatabase | undefined> {
  if (process.env.TEST_DATABASE_SERVER_URL) return undefined;
  if (await answers(MACHINE_DATABASE_SERVER_URL)) {
    process.env.TEST_DATABASE_SERVER_URL = MACHINE_DATABASE_SERVER_URL;
    return undefined;
  }
  const dataDir = `.data/test-postgres/${run}`;
  await rm(dataDir, { recursive: true, force: true });
  // Every test file runs the API and workers with pools of their own, two files at a time.
  const server = new EmbeddedDatabase({ dataDir, port: await freePort(), durable: false, maxConnections: 400 });
  await server.start();
  process.env.TEST_DATABASE_SERVER_URL = server.serverUrl;
  process.stdout.write(`\nNo PostgreSQL at ${MACHINE_DATABASE_SERVER_URL}: the tests run on an embedded PostgreSQL ${EMBEDDED_POSTGRES_VERSION} (${server.serverUrl})\n`);
  return server;
}
