import { dropRunDatabases, removeRedisKeys, runQueuePrefix, testQueueBackend, testRunId, testSettings } from '#libs/testing';

let done = false;

/** Leaves the shared services as the run found them, even when a test file did not clean up. */
export default async function globalTeardown(): Promise<void> {
  // Both tiers with a database name this teardown; the first to run cleans up for the run.
  if (done) return;
  done = true;
  const run = testRunId();
  const databaseServer = globalThis.tpmTestDatabaseServer;
  if (databaseServer) {
    // Dropping each database is pointless: the whole server goes, with its files.
    await databaseServer.stop();
  } else {
    await dropRunDatabases(run);
  }
  // On PostgreSQL the queues lived in the test databases, gone above.
  if ((await testQueueBackend()) === 'redis') await removeRedisKeys(testSettings.redisUrl, runQueuePrefix(run));
}
