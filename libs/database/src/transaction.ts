import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** A transaction on one connection of the pool, open while the work given to `withTransaction` runs. */
export interface Transaction {
  /** For entities and query builders: their statements run inside this transaction. */
  readonly manager: EntityManager;
  /** Runs a statement straight on the transaction's connection, and resolves with its rows. */
  query<Row = unknown>(sql: string, parameters?: readonly unknown[]): Promise<Row[]>;
}

/**
 * Runs `work` in one transaction, as `DataSource.transaction` does, but with the transaction's own
 * statements (BEGIN, COMMIT, ROLLBACK) and those the work sends through `query` going straight to
 * the driver's connection. TypeORM wraps each statement in several awaits, subscriber broadcasts and
 * a result object, which cost more than the statement's own CPU on the event pipeline's hot paths
 * (each event's outbox and inbox rows). The manager stays on the same connection, marked as in a
 * transaction, so its writes commit with the rest, `save` opens no transaction of its own, and a
 * nested `manager.transaction` becomes a savepoint.
 */
export async function withTransaction<T>(dataSource: DataSource, work: (transaction: Transaction) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    await client.query('BEGIN');
    // TypeORM keeps no public way to adopt a transaction begun on its connection; these are the two
    // fields its own startTransaction sets (covered by the tests of this file).
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    try {
      const result = await work({
        manager: runner.manager,
        query: async <Row>(sql: string, parameters?: readonly unknown[]) => (await client.query(sql, parameters as unknown[])).rows as Row[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // The work's error is the one worth reporting; a connection that fails the rollback too is dropped by the pool.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
    }
  } finally {
    await runner.release();
  }
}
