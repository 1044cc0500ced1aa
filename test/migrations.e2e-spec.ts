import { spawnSync } from 'node:child_process';
import { migrations } from '#libs/database';
import { TestStack } from './support/test-stack.js';

describe('migrations', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.create();
  });
  afterAll(() => stack.close());

  const typeorm = (...args: string[]) =>
    spawnSync(process.execPath, ['node_modules/typeorm/cli.js', ...args, '-d', 'dist/libs/database/src/cli/data-source.js'], {
      env: { ...process.env, DATABASE_URL: stack.database.url },
      encoding: 'utf8',
    });

  it('describe exactly what the entities declare: generating a migration finds nothing to do', () => {
    const result = typeorm('migration:generate', '--check', 'libs/database/src/migrations/Unneeded');
    expect(result.stdout + result.stderr).toContain('No changes in database schema were found');
    expect(result.status).toBe(0);
  });

  it('revert cleanly, every one of them, and apply again', async () => {
    for (let i = 0; i < migrations.length; i++) expect(typeorm('migration:revert').status).toBe(0);
    const tables = await stack.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables).toEqual([{ tablename: 'migrations' }]);
    expect(typeorm('migration:run').status).toBe(0);
    expect(await stack.query(`SELECT to_regclass('outbox_events')::text AS t`)).toEqual([{ t: 'outbox_events' }]);
    // A process a migration: on a busy machine that is more than jest's minute.
  }, 300_000);
});
