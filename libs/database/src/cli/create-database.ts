import { CoreConfig, loadConfigOrExit } from '#libs/config';
import { createDatabaseIfMissing, databaseNameOf } from '../database-admin.js';

const config = loadConfigOrExit(CoreConfig);
const created = await createDatabaseIfMissing(config.DATABASE_URL);
process.stdout.write(`Database ${databaseNameOf(config.DATABASE_URL)} ${created ? 'created' : 'already exists'}\n`);
