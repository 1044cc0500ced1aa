import 'reflect-metadata';
import autocannon from 'autocannon';
import { ApiConfig } from '../../apps/api/src/api.config.js';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { CoreConfig, loadConfig } from '#libs/config';
import { withDatabaseName } from '#libs/database';
import { recreateDatabase } from '../pipeline/bench-database.js';
import { startBareServer } from './bare-server.js';
import { PRACTITIONER, seedOpportunities } from './seed.js';

const OPPORTUNITIES = 10_000;
const CONNECTIONS = 10;
// Rounds alternate the two servers, so a change in the shared machine's load weighs on both alike.
const ROUNDS = 5;
const SECONDS = 5;
const AIM = 0.6;
const QUERY = 'type=teaching&q=child';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function load(url: string, headers: Record<string, string> = {}, duration = SECONDS) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99 };
}

const databaseUrl = withDatabaseName(loadConfig(CoreConfig).DATABASE_URL, 'tpm_bench_api');
const database = await recreateDatabase(databaseUrl);
try {
  await seedOpportunities(databaseUrl, OPPORTUNITIES);
  const config = loadConfig(ApiConfig, { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', OUTBOX_RELAY: 'false', API_DOCS_UI: 'false' });
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const apiUrl = await api.getUrl();
  const bare = await startBareServer(databaseUrl, PRACTITIONER.email);
  try {
    const login = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(PRACTITIONER),
    });
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const apiSearch = `${apiUrl}/api/opportunities?${QUERY}`;
    const bareSearch = `${bare.url}/opportunities?${QUERY}`;
    const firstPage = (await (await fetch(apiSearch, { headers })).json()) as { items: unknown[] };

    say(`Search benchmark: ${OPPORTUNITIES.toLocaleString('en-GB')} opportunities, a signed-in practitioner, GET ?${QUERY} (first page of 20: ${firstPage.items.length} items)`);
    say(`autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s on each server, alternating, after a 2 s warm-up; both on this machine's PostgreSQL with pools of 10.`);
    await load(apiSearch, headers, 2);
    await load(bareSearch, {}, 2);
    const rounds: { api: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>> }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Which goes first alternates too.
      if (round % 2 === 0) {
        const api = await load(apiSearch, headers);
        rounds.push({ api, bare: await load(bareSearch) });
      } else {
        const bare = await load(bareSearch);
        rounds.push({ api: await load(apiSearch, headers), bare });
      }
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratios = rounds.map(({ api, bare }) => api.requestsPerSecond / bare.requestsPerSecond);
    const ratio = median([...ratios]);
    say();
    say('                           requests/s    p99 latency   (medians of the rounds)');
    say(`bare Fastify + pg          ${median(rounds.map((r) => r.bare.requestsPerSecond)).toFixed(0).padStart(10)}    ${String(median(rounds.map((r) => r.bare.p99))).padStart(8)} ms`);
    say(`the API (Nest, auth, DTOs) ${median(rounds.map((r) => r.api.requestsPerSecond)).toFixed(0).padStart(10)}    ${String(median(rounds.map((r) => r.api.p99))).padStart(8)} ms`);
    say();
    say(`Ratio API/bare in each round: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}`);
    say(`Ratio API/bare, median: ${(ratio * 100).toFixed(0)}% (aim: ${AIM * 100}% or more): ${ratio >= AIM ? 'met' : 'NOT MET'}`);
  } finally {
    await api.close();
    await bare.server.close();
    await bare.pool.end();
  }
} finally {
  await database.drop();
}
