import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, onServer, quoteIdentifier, withDatabaseName } from '#libs/database';
import { testSettings } from './test-settings.js';

const TEST_PREFIX = 'tpm_test_';
export const TEMPLATE_DATABASE = `${TEST_PREFIX}template`;

/** Refuses any database whose name does not say it is for tests: tests drop what they use. */
export function assertTestDatabase(name: string): void {
  if (!name.startsWith(TEST_PREFIX)) throw new Error(`Refusing to use database "${name}" for tests: its name must start with ${TEST_PREFIX}`);
}

/** Builds the template every test database is copied from: a fresh database with every migration. */
export async function createTemplateDatabase(): Promise<void> {
  const url = withDatabaseName(testSettings.serverUrl, TEMPLATE_DATABASE);
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(TEMPLATE_DATABASE)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(TEMPLATE_DATABASE)}`);
  });
  const dataSource = new DataSource(dataSourceOptions({ url }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, copied from the migrated template in milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${TEST_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  assertTestDatabase(name);
  const url = withDatabaseName(testSettings.serverUrl, name);
  await onServer(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(TEMPLATE_DATABASE)}`));
  return {
    name,
    url,
    drop: () => onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
