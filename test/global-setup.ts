import { createTemplateDatabase, newTestRunId, startTestDatabaseServer } from '#libs/testing';
import type { EmbeddedDatabase } from '#libs/database';

/** What the set-up started for the run; jest's global teardown runs in the same process and stops it. */
declare global {
  var tpmTestDatabaseServer: EmbeddedDatabase | undefined;
}

/**
 * Names this run, finds or starts its PostgreSQL, and migrates once into the template every test
 * file's own database is copied from. The medium and e2e tiers both name this set-up; the run
 * needs it once.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TPM_TEST_RUN) return;
  // Set here, read by every test worker: jest starts them after the global set-up.
  process.env.TPM_TEST_RUN = newTestRunId();
  const server = await startTestDatabaseServer(process.env.TPM_TEST_RUN);
  globalThis.tpmTestDatabaseServer = server;
  // jest runs no teardown when the set-up fails.
  await createTemplateDatabase(process.env.TPM_TEST_RUN).catch(async (error: unknown) => {
    await server?.stop();
    throw error;
  });
}
