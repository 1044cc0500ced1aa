import type { EntityManager, EntityMetadata, EntityTarget } from 'typeorm';
import { quoteIdentifier as quote } from './database-admin.js';
import { PREPARED_SQL } from './prepared-statements.js';

interface InsertStatement {
  readonly sql: string;
  readonly columns: readonly { readonly property: string; readonly json: boolean }[];
}

const statements = new WeakMap<EntityMetadata, Map<string, InsertStatement>>();

/**
 * Inserts one new row of `entity`, as `manager.insert` does, and resolves with it as the entity,
 * every column filled from the INSERT's RETURNING (generated ids and defaults included). The SQL is
 * built once from TypeORM's metadata for each entity and set of columns given, and runs as a named
 * statement: TypeORM's query builder costs more Node CPU than the statement itself, which counts on
 * a command's hot path. Runs no entity listeners or subscribers, and refuses columns that would need
 * them (relations, transformers, embedded, virtual or simple-* columns), so it cannot write a row
 * `insert` would not.
 */
export async function insertRow<Entity extends object>(manager: EntityManager, entity: EntityTarget<Entity>, values: Partial<Entity>): Promise<Entity> {
  const metadata = manager.connection.getMetadata(entity);
  const statement = insertStatement(metadata, Object.keys(values).filter((property) => values[property as keyof Entity] !== undefined));
  const parameters = statement.columns.map(({ property, json }) => {
    const value = values[property as keyof Entity];
    return json ? JSON.stringify(value) : value;
  });
  const [row] = await manager.query<object[]>(statement.sql, parameters);
  return Object.assign(metadata.create() as Entity, row);
}

function insertStatement(metadata: EntityMetadata, properties: string[]): InsertStatement {
  let byColumns = statements.get(metadata);
  if (!byColumns) statements.set(metadata, (byColumns = new Map<string, InsertStatement>()));
  const key = properties.join(',');
  let statement = byColumns.get(key);
  if (!statement) byColumns.set(key, (statement = buildStatement(metadata, properties)));
  return statement;
}

function buildStatement(metadata: EntityMetadata, properties: string[]): InsertStatement {
  if (metadata.relations.length > 0) throw new Error(`insertRow cannot write ${metadata.name}, which has relations: use the entity manager`);
  for (const column of metadata.columns) {
    if (column.transformer || column.embeddedMetadata || column.isVirtualProperty || String(column.type).startsWith('simple-')) {
      throw new Error(`insertRow cannot write ${metadata.name}.${column.propertyName}: use the entity manager`);
    }
  }
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column?.isInsert) throw new Error(`${metadata.name} has no column ${property} to insert`);
    return { property, name: column.databaseName, json: column.type === 'json' || column.type === 'jsonb' };
  });
  const table = metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName);
  const inserted =
    columns.length === 0
      ? 'DEFAULT VALUES'
      : `(${columns.map((column) => quote(column.name)).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  const returning = metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => `${quote(column.databaseName)} AS ${quote(column.propertyName)}`)
    .join(', ');
  return { sql: `${PREPARED_SQL}INSERT INTO ${table} ${inserted} RETURNING ${returning}`, columns };
}
