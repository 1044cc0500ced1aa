export { DatabaseModule } from './database.module.js';
export { dataSourceOptions, type DatabaseSettings } from './data-source-options.js';
export { conflictOnDuplicate, isForeignKeyViolation, isUniqueViolation } from './postgres-errors.js';
export { migrations } from './migrations/index.js';
export { SnakeNamingStrategy } from './snake-naming.strategy.js';
export { createDatabaseIfMissing, databaseNameOf, onServer, quoteIdentifier, withDatabaseName } from './database-admin.js';
