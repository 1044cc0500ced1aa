import { DataSource } from 'typeorm';
import { createDatabaseIfMissing, databaseNameOf, dataSourceOptions, onServer, quoteIdentifier } from '#libs/database';

async function dropDatabase(url: string): Promise<void> {
  await onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseNameOf(url))} WITH (FORCE)`));
}

/** A fresh database with every migration, so no earlier run's rows or bloat weigh on this one. */
export async function recreateDatabase(url: string): Promise<{ drop: () => Promise<void> }> {
  await dropDatabase(url);
  await createDatabaseIfMissing(url);
  const dataSource = new DataSource(dataSourceOptions({ url, applicationName: 'tpm-bench-migrations' }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
  return { drop: () => dropDatabase(url) };
}
