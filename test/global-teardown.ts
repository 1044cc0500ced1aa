import { dropRunDatabases, removeRedisKeys, runQueuePrefix, testRunId, testSettings } from '#libs/testing';

/** Leaves the shared services as the run found them, even when a test file did not clean up. */
export default async function globalTeardown(): Promise<void> {
  const run = testRunId();
  await dropRunDatabases(run);
  await removeRedisKeys(testSettings.redisUrl, runQueuePrefix(run));
}
