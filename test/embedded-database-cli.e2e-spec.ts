import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { childNodeArgs, eventually, freePort } from '#libs/testing';

const CLI = 'dist/libs/database/src/cli/embedded-database.js';
const run = promisify(execFile);

/** The embedded database's own command (`npm start` runs it; `npm run db:wipe` wipes it), on its failure paths. */
describe('embedded database command', () => {
  // In the project: as root the server runs as the postgres user, which must be able to reach its folder.
  const dataDir = join(process.cwd(), `.data/test-cli-${randomBytes(4).toString('hex')}`);
  let port: number;
  let server: ChildProcess | undefined;
  let output = '';

  const env = (overrides: Record<string, string> = {}) => ({ ...process.env, EMBEDDED_DATABASE_DIR: dataDir, EMBEDDED_DATABASE_PORT: String(port), ...overrides });

  async function wipe(): Promise<{ code: number; stdout: string; stderr: string }> {
    return run('node', [CLI, 'wipe'], { env: env() }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  }

  beforeAll(async () => {
    port = await freePort();
  });

  afterAll(async () => {
    if (server?.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.log`, { force: true });
  });

  it('refuses to wipe a running server, keeping its data, and wipes it once stopped', async () => {
    server = spawn(process.execPath, childNodeArgs(CLI, 'start'), { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => expect(output).toContain(`Embedded PostgreSQL 18 on 127.0.0.1:${port}`), { timeoutMs: 60_000 });

    const refused = await wipe();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^The embedded PostgreSQL is running \(pid \d+\): stop the product first/);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(server.exitCode).toBeNull();

    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    const wiped = await wipe();
    expect(wiped.code).toBe(0);
    expect(wiped.stdout).toContain(`Removed ${dataDir}`);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('on a port another program holds, exits saying the server did not start', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const failed = await run('node', [CLI, 'start'], { env: env(), timeout: 60_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/^The embedded PostgreSQL did not start: .*(could not bind|Address already in use)/s);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 120_000);
});
