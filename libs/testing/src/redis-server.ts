import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

/** Whether something listens on the port; a plain socket, so no client library keeps timers behind. */
function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether a `redis-server` binary can be started here. */
function hasRedisServer(): boolean {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/**
 * `describe` for tests that need a real Redis of their own (`DisposableRedis`): they run where a
 * `redis-server` binary exists, and are skipped, saying why, where it does not.
 */
export function describeWithRedisServer(name: string, tests: () => void): void {
  if (hasRedisServer()) {
    describe(name, tests);
    return;
  }
  console.log(`Skipping "${name}": it needs a redis-server binary, and there is none on this machine.`);
  // Skipped, not failed: these tests stop and start a Redis of their own, which a machine without
  // redis-server cannot give them; every other test runs there with the queues in PostgreSQL.
  describe.skip(name, tests);
}

/**
 * A real redis-server of a test's own, on its own port, that the test may stop and start again
 * (outage tests must not take the shared Redis away from other test files).
 */
export class DisposableRedis {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly options: string[],
  ) {}

  /** `options` are redis-server flags, e.g. `['--maxmemory-policy', 'allkeys-lru']`. */
  static async start(options: string[] = []): Promise<DisposableRedis> {
    const redis = new DisposableRedis(await freePort(), options);
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', ...this.options],
      { stdio: 'ignore' },
    );
    for (let attempt = 0; !(await acceptsConnections(this.port)); attempt++) {
      if (attempt > 200) throw new Error(`redis-server did not start on port ${this.port}`);
      await sleep(25);
    }
    const client = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    const running = this.process;
    this.process = undefined;
    if (!running || running.exitCode !== null) return;
    running.kill('SIGKILL');
    await once(running, 'exit');
  }
}
