import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { childNodeArgs, councilRequest, eventually, freePort, profileRequest, universityRequest } from '#libs/testing';
import { PASSWORD, type Person, personWith } from '../support/people.js';
import { TestStack } from '../support/test-stack.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the networking flags Chromium keeps reaching for Google's hosts, which this machine refuses.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Pages opened with JavaScript off, where axe (itself a script) cannot run; their pages are checked with it on. */
export const withoutJavaScript = new WeakSet<Page>();

export interface World {
  partnershipId: string;
  universityId: string;
  councilId: string;
  practitioner: Person;
  academic: Person;
  lead: Person;
}

/**
 * The real product for browser tests: this file's own database, the API in this process listening
 * on a port, the web as its own OS process (the built output) calling it, and Debian's Chromium.
 */
export class WebStack {
  private web?: ChildProcess & { output: () => string };
  private browser?: Browser;
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly stack: TestStack,
    readonly api: NestFastifyApplication,
    readonly admin: Awaited<ReturnType<TestStack['startApi']>>['http'],
    readonly apiUrl: string,
    readonly webUrl: string,
    private webSettings: Record<string, string | number>,
  ) {}

  /** `settings` for the API (and the test stack), `webSettings` for the web process. */
  static async start(settings: Record<string, string | number> = {}, webSettings: Record<string, string | number> = {}): Promise<WebStack> {
    const webUrl = `http://127.0.0.1:${await freePort()}`;
    // Links in emails (when a test starts the notification worker) open this web.
    const stack = await TestStack.create({ PUBLIC_URL: webUrl, ...settings });
    const { app, http } = await stack.startApi();
    const apiPort = await freePort();
    await app.listen(apiPort, '127.0.0.1');
    const webStack = new WebStack(stack, app, http, `http://127.0.0.1:${apiPort}`, webUrl, webSettings);
    // The test never gets the stack when it fails to start, so it cannot close it.
    await webStack.startWeb().catch(async (error: unknown) => {
      await webStack.close();
      throw error;
    });
    return webStack;
  }

  /** The web process, started (again) against the API. */
  async startWeb(): Promise<void> {
    const entry = 'dist/apps/web/src/main.js';
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    const port = new URL(this.webUrl).port;
    const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', API_URL: this.apiUrl, WEB_PORT: port, WEB_METRICS_PORT: 0, SESSION_SECRET: 'a session secret for the browser tests only', ...this.webSettings };
    const child = spawn(process.execPath, childNodeArgs(entry), { env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    this.web = Object.assign(child, { output: () => output });
    await eventually(async () => (await fetch(`${this.webUrl}/cookies`).catch(() => null))?.status === 200, { timeoutMs: 60_000 }).catch((error: unknown) => {
      throw new Error(`The web did not start: ${output}`, { cause: error });
    });
  }

  /** A new browser window of its own (its own cookies), with or without JavaScript. */
  async newPage(options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
    this.browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await this.browser.newContext({
      baseURL: this.webUrl,
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: options.width ?? 1200, height: 900 },
    });
    this.contexts.push(context);
    const page = await context.newPage();
    if (options.javaScript === false) withoutJavaScript.add(page);
    return page;
  }

  /** A partnership with a university, a council, its lead, an academic and a practitioner with a profile. */
  async world(names = { university: 'University of East Anglia', council: 'Norfolk County Council', partnership: 'Norfolk and Suffolk Teaching Partnership' }): Promise<World> {
    const universityId = (await this.admin.post('/api/universities').send(universityRequest({ name: names.university })).expect(201)).body.id;
    const councilId = (await this.admin.post('/api/councils').send(councilRequest({ name: names.council })).expect(201)).body.id;
    const partnershipId = (
      await this.admin.post('/api/partnerships').send({ name: names.partnership, universityIds: [universityId], councilIds: [councilId] }).expect(201)
    ).body.id;
    const practitioner = await personWith(this.api, this.admin, 'practitioner', { councilId });
    await practitioner.http.put('/api/me/profile').send(profileRequest({ careerStage: 'senior_practitioner' })).expect(200);
    const academic = await personWith(this.api, this.admin, 'academic', { universityId });
    const lead = await personWith(this.api, this.admin, 'partnership_lead');
    await this.admin.post(`/api/partnerships/${partnershipId}/leads`).send({ userId: lead.id }).expect(201);
    return { partnershipId, universityId, councilId, practitioner, academic, lead };
  }

  /** The web process again, with these settings changed (its sessions stay valid: the secret is the same). */
  async restartWeb(settings: Record<string, string | number>): Promise<void> {
    await this.stopWeb();
    this.webSettings = { ...this.webSettings, ...settings };
    await this.startWeb();
  }

  /** Stops the web process (to start it again, or to close). */
  async stopWeb(): Promise<void> {
    const web = this.web;
    if (!web || web.exitCode !== null || web.signalCode !== null) return;
    web.kill('SIGTERM');
    await once(web, 'exit');
  }

  async close(): Promise<void> {
    try {
      for (const context of this.contexts) await context.close().catch(() => undefined);
      await this.browser?.close();
    } finally {
      await this.stopWeb();
      await this.stack.close();
    }
  }
}

/** The WCAG 2.2 A and AA violations axe finds on the page as it is now, in a form a failure message can show. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

export { PASSWORD };
