import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { dataSourceOptions } from './data-source-options.js';
import { withTransaction } from './transaction.js';

describe('a transaction on the driver, with the manager inside it', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const named = async (name: string) => (await dataSource.query<unknown[]>(`SELECT 1 FROM universities WHERE name = $1`, [name])).length;
  const insert = `INSERT INTO universities (id, name) VALUES (gen_random_uuid(), $1)`;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: whatever the work does must run on the transaction's own.
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 1 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('commits what both the driver and the manager wrote, on one connection', async () => {
    const result = await withTransaction(dataSource, async (transaction) => {
      await transaction.query(insert, ['Driver']);
      await transaction.manager.query(insert, ['Manager']);
      const driver = await transaction.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      const manager = await transaction.manager.query<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid`);
      expect(manager[0]!.pid).toBe(driver[0]!.pid);
      return 'done';
    });
    expect(result).toBe('done');
    expect([await named('Driver'), await named('Manager')]).toEqual([1, 1]);
  });

  it('rolls back all of it when the work fails, and the connection goes back to the pool clean', async () => {
    await expect(
      withTransaction(dataSource, async (transaction) => {
        await transaction.query(insert, ['Failed driver']);
        await transaction.manager.query(insert, ['Failed manager']);
        throw new Error('downstream said no');
      }),
    ).rejects.toThrow('downstream said no');
    expect([await named('Failed driver'), await named('Failed manager')]).toEqual([0, 0]);
    expect(await dataSource.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it('turns the manager’s own transactions into savepoints, so they cannot commit the outer one early', async () => {
    await expect(
      withTransaction(dataSource, async (transaction) => {
        await transaction.manager.transaction((nested) => nested.query(insert, ['Nested']));
        await expect(transaction.manager.transaction(async (nested) => {
          await nested.query(insert, ['Rolled back to its savepoint']);
          throw new Error('inner');
        })).rejects.toThrow('inner');
        await transaction.query(insert, ['After the savepoints']);
        throw new Error('outer');
      }),
    ).rejects.toThrow('outer');
    expect(await named('Nested')).toBe(0);
    expect(await named('After the savepoints')).toBe(0);
  });

  it('commits a nested transaction with the outer one, but not what rolled back to its savepoint', async () => {
    await withTransaction(dataSource, async (transaction) => {
      await transaction.manager.transaction((nested) => nested.query(insert, ['Kept nested']));
      await transaction.manager
        .transaction(async (nested) => {
          await nested.query(insert, ['Undone nested']);
          throw new Error('inner');
        })
        .catch(() => undefined);
    });
    expect([await named('Kept nested'), await named('Undone nested')]).toEqual([1, 0]);
  });
});
