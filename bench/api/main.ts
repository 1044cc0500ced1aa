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
const SECONDS = 10;
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
    say(`autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after a 2 s warm-up; both on this machine's PostgreSQL with pools of 10.`);
    await load(apiSearch, headers, 2);
    await load(bareSearch, {}, 2);
    const withApi = await load(apiSearch, headers);
    const withBare = await load(bareSearch);
    const ratio = withApi.requestsPerSecond / withBare.requestsPerSecond;
    say();
    say('                           requests/s    p99 latency');
    say(`bare Fastify + pg          ${withBare.requestsPerSecond.toFixed(0).padStart(10)}    ${String(withBare.p99).padStart(8)} ms`);
    say(`the API (Nest, auth, DTOs) ${withApi.requestsPerSecond.toFixed(0).padStart(10)}    ${String(withApi.p99).padStart(8)} ms`);
    say();
    say(`Ratio API/bare: ${(ratio * 100).toFixed(0)}% (aim: ${AIM * 100}% or more): ${ratio >= AIM ? 'met' : 'NOT MET'}`);
  } finally {
    await api.close();
    await bare.server.close();
    await bare.pool.end();
  }
} finally {
  await database.drop();
}
