import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { ApiConfig } from '../../apps/api/src/api.config.js';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { MatchingWorkerConfig } from '../../apps/matching-worker/src/matching-worker.config.js';
import { MatchingWorkerModule } from '../../apps/matching-worker/src/matching-worker.module.js';
import { NotificationWorkerModule } from '../../apps/notification-worker/src/notification-worker.module.js';
import { loadConfig } from '#libs/config';
import type { ConsumerGroup } from '#libs/events';
import { NotificationConfig } from '#libs/notifications';
import { childNodeArgs, eventually, freePort, ServiceSlice, type Settings } from '#libs/testing';

/** A test file's slice of the real services, and the API and workers started against it. */
export class TestStack extends ServiceSlice {
  static override async create(settings: Settings = {}): Promise<TestStack> {
    // Jest on Node 20 cannot load the UIs' static-file plugin; test/api-process.e2e-spec.ts covers the UIs.
    return new TestStack(...(await ServiceSlice.sliceSettings({ API_DOCS_UI: 'false', QUEUE_DASHBOARD: 'false', ...settings })));
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
    this.onClose(() => app.close());
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
    this.onClose(() => worker.close());
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

  /** The web as its own OS process, calling the API at `apiUrl`, answering at the address returned. */
  async spawnWeb(apiUrl: string, settings: Settings = {}): Promise<{ url: string; output: () => string }> {
    const port = await freePort();
    const web = await this.spawnProcess('dist/apps/web/src/main.js', { ...settings, API_URL: apiUrl, WEB_PORT: port });
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(url).catch(() => null)) !== null, { timeoutMs: 20_000 }).catch((error: unknown) => {
      throw new Error(`The web did not start: ${web.output()}`, { cause: error });
    });
    return { url, output: web.output };
  }

  private spawnProcess(entry: string, settings: Settings): Promise<ChildProcess & { output: () => string }> {
    if (!existsSync(entry)) return Promise.reject(new Error(`${entry} is missing: run "npm run build" first`));
    const env = Object.fromEntries(Object.entries({ ...process.env, ...this.settings, ...settings }).map(([k, v]) => [k, String(v)]));
    const child = spawn(process.execPath, childNodeArgs(entry), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    this.onClose(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    });
    return Promise.resolve(Object.assign(child, { output: () => output }));
  }
}

/** A client of `app` whose every request carries the bearer token of this email's user. */
export async function signedIn(app: NestFastifyApplication, email: string, password: string): Promise<ReturnType<typeof supertest.agent>> {
  const login = await supertest(app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (login.status !== 200) throw new Error(`Signing in as ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  return supertest.agent(app.getHttpServer()).set('authorization', `Bearer ${login.body.accessToken}`);
}
