import pg from 'pg';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, databaseNameOf, dataSourceOptions, onServer, quoteIdentifier } from '#libs/database';

async function dropDatabase(url: string): Promise<void> {
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseNameOf(url))} WITH (FORCE)`));
}

/**
 * What autovacuum would have done by then. A server may run without it (this machine's does): then
 * the dead rows a round leaves, most of them in BullMQ's job and event tables on the PostgreSQL
 * backend, slow every later round and its latency.
 */
async function vacuumDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration, so no earlier run's rows or bloat weigh on this one. */
export async function recreateDatabase(url: string): Promise<{ drop: () => Promise<void>; vacuum: () => Promise<void> }> {
  await dropDatabase(url);
  await createDatabaseIfMissing(url);
  const dataSource = new DataSource(dataSourceOptions({ url, applicationName: 'tpm-bench-migrations' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
  return { drop: () => dropDatabase(url), vacuum: () => vacuumDatabase(url) };
}
