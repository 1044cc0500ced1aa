import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import pg from 'pg';
import supertest from 'supertest';
import { ApiConfig } from '../../apps/api/src/api.config.js';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { MatchingWorkerConfig } from '../../apps/matching-worker/src/matching-worker.config.js';
import { MatchingWorkerModule } from '../../apps/matching-worker/src/matching-worker.module.js';
import { NotificationWorkerModule } from '../../apps/notification-worker/src/notification-worker.module.js';
import { loadConfig } from '#libs/config';
import { CONSUMER_SUBSCRIPTIONS, type ConsumerGroup, queueNameOf, workerConnection } from '#libs/events';
import { NotificationConfig } from '#libs/notifications';
import { createTestDatabase, eventually, freePort, removeRedisKeys, type TestDatabase, testSettings, uniqueQueuePrefix } from '#libs/testing';

type Settings = Record<string, string | number>;

/**
 * One test file's own slice of the real services: a fresh database copied from the migrated
 * template, a queue prefix of its own, and helpers to start the API and workers against them.
 */
export class TestStack {
  readonly db: pg.Pool;
  private readonly closers: (() => Promise<unknown>)[] = [];
  private readonly queues = new Map<string, Queue>();

  private constructor(
    readonly database: TestDatabase,
    readonly settings: Settings,
  ) {
    this.db = new pg.Pool({ connectionString: database.url, max: 4 });
    // An idle connection the server drops is replaced on the next query; it is no test's failure.
    this.db.on('error', () => undefined);
  }

  static async create(settings: Settings = {}): Promise<TestStack> {
    const database = await createTestDatabase();
    return new TestStack(database, {
      DATABASE_URL: database.url,
      REDIS_URL: testSettings.redisUrl,
      QUEUE_PREFIX: uniqueQueuePrefix(),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      DATABASE_POOL_SIZE: 5,
      // Jest on Node 20 cannot load the UIs' static-file plugin; test/api-process.e2e-spec.ts covers the UIs.
      API_DOCS_UI: 'false',
      QUEUE_DASHBOARD: 'false',
      ...settings,
    });
  }

  /**
   * The API, and `http`: a client signed in as the configured admin (every request carries the
   * bearer token); `anonymous` sends none.
   */
  async startApi(settings: Settings = {}): Promise<{
    app: NestFastifyApplication;
    http: ReturnType<typeof supertest.agent>;
    anonymous: ReturnType<typeof supertest>;
  }> {
    const config = loadConfig(ApiConfig, { ...this.settings, ...settings });
    const app = await createApiApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    this.closers.push(() => app.close());
    const anonymous = supertest(app.getHttpServer());
    const http = await signedIn(app, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    return { app, http, anonymous };
  }

  async startWorker(group: ConsumerGroup, settings: Settings = {}): Promise<INestApplicationContext> {
    const all = { ...this.settings, ...settings };
    const module =
      group === 'matching'
        ? MatchingWorkerModule.forRoot(loadConfig(MatchingWorkerConfig, all))
        : NotificationWorkerModule.forRoot(loadConfig(NotificationConfig, all));
    const worker = await NestFactory.createApplicationContext(module, { logger: false });
    await worker.init();
    this.closers.push(() => worker.close());
    return worker;
  }

  /** A worker as its own OS process (built output), for tests that kill it. */
  spawnWorker(group: ConsumerGroup, settings: Settings = {}): Promise<ChildProcess & { output: () => string }> {
    return this.spawnProcess(`dist/apps/${group}-worker/src/main.js`, settings);
  }

  /**
   * The API as its own OS process (built output), answering at the address returned: for what jest
   * cannot load in its own process, such as the queue dashboard's static files.
   */
  async spawnApi(settings: Settings = {}): Promise<{ url: string; output: () => string; process: ChildProcess }> {
    const port = await freePort();
    const api = await this.spawnProcess('dist/apps/api/src/main.js', { OUTBOX_RELAY: 'false', ...settings, PORT: port });
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true, { timeoutMs: 20_000 }).catch((error: unknown) => {
      throw new Error(`The API did not start: ${api.output()}`, { cause: error });
    });
    return { url, output: api.output, process: api };
  }

  private async spawnProcess(entry: string, settings: Settings): Promise<ChildProcess & { output: () => string }> {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    const env = Object.fromEntries(Object.entries({ ...process.env, ...this.settings, ...settings }).map(([k, v]) => [k, String(v)]));
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    this.closers.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });
    return Object.assign(child, { output: () => output });
  }

  /** A queue handle on a consumer group's queue, to look at its jobs. */
  queue(group: ConsumerGroup, redisUrl = String(this.settings.REDIS_URL)): Queue {
    const key = `${group} ${redisUrl}`;
    const known = this.queues.get(key);
    if (known) return known;
    const queue = new Queue(queueNameOf(group), { connection: workerConnection(redisUrl), prefix: String(this.settings.QUEUE_PREFIX) });
    queue.on('error', () => undefined);
    this.queues.set(key, queue);
    this.closers.push(() => queue.close());
    return queue;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }

  /** Waits until `group` has handled every event written so far that it subscribes to. */
  async caughtUp(group: ConsumerGroup): Promise<void> {
    await eventually(async () => {
      const [row] = await this.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM outbox_events o
         WHERE o.type = ANY ($1) AND NOT EXISTS (SELECT 1 FROM inbox_events i WHERE i.consumer = $2 AND i.event_id = o.id)`,
        [[...CONSUMER_SUBSCRIPTIONS[group]], group],
      );
      return row!.waiting === 0;
    });
  }

  async inboxCount(consumer: ConsumerGroup): Promise<number> {
    const [row] = await this.query<{ count: string }>('SELECT count(*) FROM inbox_events WHERE consumer = $1', [consumer]);
    return Number(row!.count);
  }

  /** Closes everything the file started, newest first; a failure to close fails the file. */
  async close(): Promise<void> {
    const failures: unknown[] = [];
    for (const close of this.closers.reverse()) await close().catch((error: unknown) => failures.push(error));
    await this.db.end();
    await this.database.drop();
    await removeRedisKeys(String(this.settings.REDIS_URL), `${String(this.settings.QUEUE_PREFIX)}:`);
    if (failures.length > 0) throw new AggregateError(failures, 'closing the test stack failed');
  }
}

/** A client of `app` whose every request carries the bearer token of this email's user. */
export async function signedIn(app: NestFastifyApplication, email: string, password: string): Promise<ReturnType<typeof supertest.agent>> {
  const login = await supertest(app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (login.status !== 200) throw new Error(`Signing in as ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  return supertest.agent(app.getHttpServer()).set('authorization', `Bearer ${login.body.accessToken}`);
}
