import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { ApiConfig } from '../../apps/api/src/api.config.js';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { CoreConfig, loadConfig } from '#libs/config';
import { withDatabaseName } from '#libs/database';
import { PRACTITIONER, seedOpportunities } from '../api/seed.js';
import { recreateDatabase } from '../pipeline/bench-database.js';
import { freePort } from '#libs/testing';

// The practitioner's search page (the web, its own process) against the API's search endpoint for the
// same query, alternating.
const SIZES = [60, 10_000];
const CONNECTIONS = 10;
const ROUNDS = 5;
const SECONDS = 5;
// The web's CPU a page keeps falling for its first 15 to 20 s under load (0.8 ms to 0.46 at 60
// opportunities), long after the API's has settled: each side is measured warm, as a server that
// has been up a while is.
const WARM_UP_SECONDS = 20;
const AIM = 0.5;
const QUERY = 'type=teaching';

const say = (line = '') => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function load(url: string, headers: Record<string, string>, duration = SECONDS) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99 };
}

/** Signs in through the web's own form, as a browser does, and answers the session cookie. */
async function webSession(webUrl: string): Promise<string> {
  const form = await fetch(`${webUrl}/sign-in`);
  const cookie = form.headers.get('set-cookie')!.split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const signedIn = await fetch(`${webUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email: PRACTITIONER.email, password: PRACTITIONER.password }).toString(),
  });
  if (signedIn.status !== 303) throw new Error(`Signing in through the web answered ${signedIn.status}`);
  return signedIn.headers.get('set-cookie')!.split(';')[0]!;
}

/** What a first visit to the page downloads, by kind, as Chromium counts it. */
async function firstPageWeight(webUrl: string, cookie: string): Promise<Record<string, number>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: webUrl }]);
    const page = await context.newPage();
    const weights: Record<string, number> = {};
    page.on('response', async (response) => {
      const kind = response.request().resourceType();
      const bytes = (await response.body().catch(() => Buffer.alloc(0))).length;
      weights[kind] = (weights[kind] ?? 0) + bytes;
    });
    await page.goto(`${webUrl}/opportunities?${QUERY}`, { waitUntil: 'networkidle' });
    return weights;
  } finally {
    await browser.close();
  }
}

for (const size of SIZES) {
  const databaseUrl = withDatabaseName(loadConfig(CoreConfig).DATABASE_URL, 'tpm_bench_web');
  const database = await recreateDatabase(databaseUrl);
  try {
    await seedOpportunities(databaseUrl, size);
    const api = await createApiApp(loadConfig(ApiConfig, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', OUTBOX_RELAY: 'false', API_DOCS_UI: 'false', QUEUE_DASHBOARD: 'false' }));
    await api.listen(0, '127.0.0.1');
    const apiUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    // The web in its own process, as it runs in production; the API and the load in this one.
    const webPort = await freePort();
    const web = spawn(process.execPath, ['dist/apps/web/src/main.js'], { env: { ...process.env, API_URL: apiUrl, WEB_PORT: String(webPort), LOG_LEVEL: 'silent' }, stdio: 'inherit' });
    const webUrl = `http://127.0.0.1:${webPort}`;
    try {
      for (let tries = 0; !(await fetch(`${webUrl}/cookies`).then((r) => r.ok).catch(() => false)); tries++) {
        if (tries > 100) throw new Error('The web did not start');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const login = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(PRACTITIONER) });
      const bearer = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
      const cookie = { cookie: await webSession(webUrl) };
      const apiSearch = `${apiUrl}/api/opportunities?${QUERY}`;
      const webSearch = `${webUrl}/opportunities?${QUERY}`;

      say(`Search page benchmark: ${size.toLocaleString('en-GB')} opportunities, a signed-in practitioner, ?${QUERY}`);
      say(`autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each, alternating, after a ${WARM_UP_SECONDS} s warm-up of each; the page makes three API calls (search, partnerships, specialisms).`);
      await load(apiSearch, bearer, WARM_UP_SECONDS);
      await load(webSearch, cookie, WARM_UP_SECONDS);
      const rounds: { api: Awaited<ReturnType<typeof load>>; web: Awaited<ReturnType<typeof load>> }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 0) {
          const apiRound = await load(apiSearch, bearer);
          rounds.push({ api: apiRound, web: await load(webSearch, cookie) });
        } else {
          const webRound = await load(webSearch, cookie);
          rounds.push({ api: await load(apiSearch, bearer), web: webRound });
        }
      }
      const ratios = rounds.map((round) => round.web.requestsPerSecond / round.api.requestsPerSecond);
      const ratio = median(ratios);
      say('                           requests/s    p99 latency   (medians of the rounds)');
      say(`the API's search          ${median(rounds.map((r) => r.api.requestsPerSecond)).toFixed(0).padStart(10)}    ${String(median(rounds.map((r) => r.api.p99))).padStart(8)} ms`);
      say(`the web's search page     ${median(rounds.map((r) => r.web.requestsPerSecond)).toFixed(0).padStart(10)}    ${String(median(rounds.map((r) => r.web.p99))).padStart(8)} ms`);
      say(`Ratio page/API in each round: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}`);
      say(`Ratio page/API at ${size.toLocaleString('en-GB')} opportunities, median: ${(ratio * 100).toFixed(0)}% (aim: ${AIM * 100}% or more): ${ratio >= AIM ? 'met' : 'NOT MET'}`);
      if (size === SIZES[0]) {
        const weights = await firstPageWeight(webUrl, cookie.cookie);
        const kb = (bytes = 0) => `${(bytes / 1024).toFixed(1)} KiB`;
        const total = Object.values(weights).reduce((sum, bytes) => sum + bytes, 0);
        say(`First visit's weight (uncompressed): HTML ${kb(weights.document)}, CSS ${kb(weights.stylesheet)}, JavaScript ${kb(weights.script)}, fonts ${kb(weights.font)}, images ${kb(weights.image)}; in all ${kb(total)}`);
      }
      say();
    } finally {
      web.kill('SIGTERM');
      await once(web, 'exit');
      await api.close();
    }
  } finally {
    await database.drop();
  }
}
