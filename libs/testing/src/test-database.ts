import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, onServer, quoteIdentifier, withDatabaseName } from '#libs/database';
import { testRunId, testSettings } from './test-settings.js';

const TEST_PREFIX = 'tpm_test_';

/** Refuses any database whose name does not say it is for tests: tests drop what they use. */
function assertTestDatabase(name: string): void {
  if (!name.startsWith(TEST_PREFIX)) throw new Error(`Refusing to use database "${name}" for tests: its name must start with ${TEST_PREFIX}`);
}

const runPrefix = (run: string) => `${TEST_PREFIX}${run}_`;
const templateOf = (run: string) => `${runPrefix(run)}template`;

/** Builds the run's template every test database is copied from: a fresh database with every migration. */
export async function createTemplateDatabase(run: string): Promise<void> {
  const name = templateOf(run);
  const url = withDatabaseName(testSettings.serverUrl, name);
  await onServer(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const dataSource = new DataSource(dataSourceOptions({ url }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** Drops every database of the run, its template included, whatever the tests left behind. */
export async function dropRunDatabases(run: string): Promise<void> {
  await onServer(testSettings.serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [runPrefix(run)]);
    for (const { datname } of rows) {
      assertTestDatabase(datname);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, copied from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const run = testRunId();
  const name = `${runPrefix(run)}${randomBytes(4).toString('hex')}`;
  assertTestDatabase(name);
  const url = withDatabaseName(testSettings.serverUrl, name);
  await onServer(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(templateOf(run))}`));
  return {
    name,
    url,
    drop: () => onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
