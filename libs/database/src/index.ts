export { DatabaseModule } from './database.module.js';
export { dataSourceOptions } from './data-source-options.js';
export { conflictOnDuplicate, isForeignKeyViolation } from './postgres-errors.js';
export { migrations } from './migrations/index.js';
export { createDatabaseIfMissing, databaseNameOf, onServer, quoteIdentifier, withDatabaseName } from './database-admin.js';
export { EMBEDDED_POSTGRES_VERSION, EmbeddedDatabase } from './embedded/embedded-database.js';
export { insertRow } from './insert-row.js';
export { PREPARED, PREPARED_SQL } from './prepared-statements.js';
export { withTransaction } from './transaction.js';
