import { createTemplateDatabase, newTestRunId } from '#libs/testing';

/**
 * Names this run, and migrates once into the template every test file's own database is copied
 * from. The medium and e2e tiers both name this set-up; the run needs it once.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TPM_TEST_RUN) return;
  // Set here, read by every test worker: jest starts them after the global set-up.
  process.env.TPM_TEST_RUN = newTestRunId();
  await createTemplateDatabase(process.env.TPM_TEST_RUN);
}
