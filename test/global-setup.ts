import { createTemplateDatabase } from '#libs/testing';

/** Migrates once into the template that every test file's own database is copied from. */
export default async function globalSetup(): Promise<void> {
  await createTemplateDatabase();
}
