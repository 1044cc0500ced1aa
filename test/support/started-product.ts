import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort } from '#libs/testing';

/** The processes `npm start` runs, by the name of the app each runs. */
export const PRODUCT_APPS = ['api', 'web', 'matching-worker', 'notification-worker', 'mail-catcher'] as const;
export type ProductApp = (typeof PRODUCT_APPS)[number];

interface OsProcess {
  pid: number;
  session: number;
  command: string;
}

/** Every live process on the machine, from /proc (zombies are dead: they only wait to be reaped). */
function osProcesses(): OsProcess[] {
  const found: OsProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may hold spaces; the fields after it are fixed.
      const [state, , , session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(entry), session: Number(session), command });
    } catch {
      // It ended while being read.
    }
  }
  return found;
}

export function isRunning(pid: number): boolean {
  return osProcesses().some((p) => p.pid === pid);
}

/**
 * A copy of the repository as `npm start` sees it, every entry a link to the real one, except the
 * install step: the test run has built the product already, and building again would rewrite dist
 * under the other test files. `install` is the bash that step runs instead.
 */
function repositoryCopy(install: string): string {
  const root = process.cwd();
  const copy = mkdtempSync(join(tmpdir(), 'tpm-start-'));
  for (const entry of readdirSync(root)) if (entry !== 'scripts') symlinkSync(join(root, entry), join(copy, entry));
  mkdirSync(join(copy, 'scripts'));
  for (const script of readdirSync(join(root, 'scripts'))) if (script !== 'install.sh') symlinkSync(join(root, 'scripts', script), join(copy, 'scripts', script));
  writeFileSync(join(copy, 'scripts', 'install.sh'), `#!/usr/bin/env bash\n${install}\n`);
  return copy;
}

/**
 * The whole product started as a person or a supervisor starts it (`npm start`, or the script
 * itself), on ports of its own, in a session of its own: every process it starts, however deep,
 * is in that session, so the test can find them all and, whatever happens, kill them all.
 */
export class StartedProduct {
  readonly ports: {
    PORT: number;
    WEB_PORT: number;
    MAIL_CATCHER_SMTP_PORT: number;
    MAIL_CATCHER_PORT: number;
    API_METRICS_PORT: number;
    WEB_METRICS_PORT: number;
    MATCHING_WORKER_METRICS_PORT: number;
    NOTIFICATION_WORKER_METRICS_PORT: number;
  };
  readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
  private readonly child: ChildProcess;
  private output = '';

  private constructor(
    private readonly copy: string,
    command: 'npm' | 'script',
    settings: Record<string, string | number>,
    ports: StartedProduct['ports'],
  ) {
    this.ports = ports;
    // npm's own variables, from the `npm test` running this, would make the product think npm started it.
    const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') && !['SMTP_URL', 'API_URL'].includes(name));
    const env = Object.fromEntries([...inherited, ...Object.entries({ ...settings, ...ports, HOST: '127.0.0.1', WEB_HOST: '127.0.0.1' })].map(([k, v]) => [k, String(v)]));
    const [file, args] = command === 'npm' ? ['npm', ['start']] : ['bash', ['scripts/start.sh']];
    this.child = spawn(file, args, { cwd: copy, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = once(this.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
  }

  static async start(
    command: 'npm' | 'script',
    settings: Record<string, string | number>,
    { install = '', ports = {} }: { install?: string; ports?: Partial<StartedProduct['ports']> } = {},
  ): Promise<StartedProduct> {
    const all = {
      PORT: await freePort(),
      WEB_PORT: await freePort(),
      MAIL_CATCHER_SMTP_PORT: await freePort(),
      MAIL_CATCHER_PORT: await freePort(),
      API_METRICS_PORT: await freePort(),
      WEB_METRICS_PORT: await freePort(),
      MATCHING_WORKER_METRICS_PORT: await freePort(),
      NOTIFICATION_WORKER_METRICS_PORT: await freePort(),
      ...ports,
    };
    return new StartedProduct(repositoryCopy(install), command, settings, all);
  }

  /** The first process: npm, or the script. It leads the session. */
  get pid(): number {
    return this.child.pid!;
  }

  said(): string {
    return this.output;
  }

  /** Waits until `check` holds, failing at once, with what the product said, if it has stopped. */
  async until(check: () => boolean, timeoutMs = 240_000): Promise<void> {
    // `eventually` retries a check that throws: a stop ends the wait, and is reported after it.
    const stopped = () => this.child.exitCode !== null || this.child.signalCode !== null;
    await eventually(() => stopped() || check(), { timeoutMs, intervalMs: 200 }).catch((error: unknown) => {
      throw new Error(`${String(error)}\nnpm start said:\n${this.output}`, { cause: error });
    });
    if (stopped() && !check()) throw new Error(`npm start stopped:\n${this.output}`);
  }

  /** Waits until the product says it is running, demo data and all. */
  running(): Promise<void> {
    return this.until(() => this.output.includes('Teaching Partnership Marketplace is running'));
  }

  /** The pid of each of the product's processes running now. */
  apps(): Partial<Record<ProductApp, number>> {
    const running = this.processes();
    return Object.fromEntries(
      PRODUCT_APPS.flatMap((app) => running.filter((p) => p.command.includes(`dist/apps/${app}/src/main.js`)).map((p) => [app, p.pid])),
    );
  }

  /** Every process of the session still running: npm, the script, the apps, anything they started. */
  processes(): OsProcess[] {
    return osProcesses().filter((p) => p.session === this.pid);
  }

  /** Waits (generously: the product is asked to stop within seconds) until no process of it is left. */
  async allGone(): Promise<void> {
    await eventually(() => this.processes().length === 0, { timeoutMs: 30_000, intervalMs: 100 }).catch((error: unknown) => {
      const left = this.processes().map((p) => `${p.pid} ${p.command}`);
      throw new Error(`Still running:\n${left.join('\n')}\nnpm start said:\n${this.output}`, { cause: error });
    });
  }

  /** Kills whatever of the product is left, whatever state the test left it in. */
  async destroy(): Promise<void> {
    for (const { pid } of this.processes()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (this.child.exitCode === null && this.child.signalCode === null) await this.exited;
    rmSync(this.copy, { recursive: true, force: true });
  }
}
