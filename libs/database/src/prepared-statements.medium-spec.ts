import { DataSource, QueryFailedError } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { dataSourceOptions } from './data-source-options.js';
import { PREPARED, PREPARED_SQL, statementName } from './prepared-statements.js';

const SQL = `${PREPARED_SQL}SELECT name FROM universities WHERE name = $1`;

describe('prepared statements', () => {
  let database: TestDatabase;
  // One connection each, so that pg_prepared_statements (per connection) sees what the queries did.
  let prepared: DataSource;
  let unprepared: DataSource;
  const statementsOf = (dataSource: DataSource) =>
    dataSource.query<{ name: string; statement: string; generic_plans: number }[]>(
      `SELECT name, statement, generic_plans::int FROM pg_prepared_statements ORDER BY name`,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    prepared = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 1 })).initialize();
    unprepared = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 1, preparedStatements: false })).initialize();
    await prepared.query(`INSERT INTO universities (id, name) VALUES (gen_random_uuid(), 'Anglia'), (gen_random_uuid(), 'Suffolk')`);
  });
  afterAll(async () => {
    await prepared.destroy();
    await unprepared.destroy();
    await database.drop();
  });
  // pg remembers what each connection has prepared, so the statements stay; each test looks for its own.
  const named = async (dataSource: DataSource, sqls: string[]) => (await statementsOf(dataSource)).filter((row) => sqls.includes(row.statement));

  it('sends marked SQL as one named statement per text, answering as before, and plans it once it may', async () => {
    for (let run = 0; run < 8; run++) expect(await prepared.query(SQL, ['Suffolk'])).toEqual([{ name: 'Suffolk' }]);
    expect(await prepared.query(SQL, ['Anglia'])).toEqual([{ name: 'Anglia' }]);
    const statements = await statementsOf(prepared);
    expect(statements).toHaveLength(1);
    const statement = statements[0];
    expect(statement).toMatchObject({ name: statementName(SQL), statement: SQL });
    // PostgreSQL switches to the generic plan after five custom ones when it costs no more.
    expect(statement!.generic_plans).toBeGreaterThan(0);
  });

  it('names each variant of a built query, and statements in a transaction alike', async () => {
    const built = (filtered: boolean) => {
      const query = prepared.createQueryBuilder().select('u.name', 'name').from('universities', 'u').comment(PREPARED);
      if (filtered) query.where('u.name = :name', { name: 'Anglia' });
      return query;
    };
    const variants = [built(true).getQueryAndParameters()[0], built(false).getQueryAndParameters()[0]];
    expect(await built(true).getRawMany()).toEqual([{ name: 'Anglia' }]);
    expect(await built(false).getRawMany()).toHaveLength(2);
    const inTransaction = `${PREPARED_SQL}SELECT count(*)::int AS count FROM universities WHERE name <> $1`;
    expect(await prepared.transaction((manager) => manager.query(inTransaction, ['Anglia']))).toEqual([{ count: 1 }]);
    expect((await named(prepared, [...variants, inTransaction])).map((row) => row.name).sort()).toEqual([...variants, inTransaction].map(statementName).sort());
  });

  it('leaves unmarked SQL unnamed, and everything unnamed when turned off', async () => {
    const unmarked = `SELECT name FROM universities WHERE name = $1`;
    await prepared.query(unmarked, ['Anglia']);
    expect(await named(prepared, [unmarked])).toEqual([]);
    expect(await unprepared.query(SQL, ['Anglia'])).toEqual([{ name: 'Anglia' }]);
    expect(await statementsOf(unprepared)).toEqual([]);
  });

  it('fails a statement whose values do not fit, and runs it on the same connection afterwards', async () => {
    const byId = `${PREPARED_SQL}SELECT name FROM universities WHERE id = $1`;
    await expect(prepared.query(byId, ['not a uuid'])).rejects.toBeInstanceOf(QueryFailedError);
    expect(await prepared.query(byId, ['00000000-0000-0000-0000-000000000000'])).toEqual([]);
    expect(await named(prepared, [byId])).toHaveLength(1);
  });
});
