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
const AIM = 0.85;
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
  const startApi = async (preparedStatements: boolean) => {
    const config = loadConfig(ApiConfig, {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      OUTBOX_RELAY: 'false',
      API_DOCS_UI: 'false',
      DATABASE_PREPARED_STATEMENTS: String(preparedStatements),
    });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    return app;
  };
  const api = await startApi(true);
  const unprepared = await startApi(false);
  const bare = await startBareServer(databaseUrl, PRACTITIONER.email);
  try {
    const apiUrl = await api.getUrl();
    const login = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(PRACTITIONER),
    });
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const servers = [
      { name: 'bare Fastify + pg', url: `${bare.url}/opportunities?${QUERY}`, headers: {} },
      { name: 'the API (Nest, auth, DTOs)', url: `${apiUrl}/api/opportunities?${QUERY}`, headers },
      { name: 'the API, statements unnamed', url: `${await unprepared.getUrl()}/api/opportunities?${QUERY}`, headers },
    ];
    const firstPage = (await (await fetch(servers[1]!.url, { headers })).json()) as { items: unknown[] };

    say(`Search benchmark: ${OPPORTUNITIES.toLocaleString('en-GB')} opportunities, a signed-in practitioner, GET ?${QUERY} (first page of 20: ${firstPage.items.length} items)`);
    say(
      `autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s on each server, taking turns, after a 2 s warm-up; all on this machine's PostgreSQL with pools of 10.`,
    );
    for (const server of servers) await load(server.url, server.headers, 2);
    const rounds: Awaited<ReturnType<typeof load>>[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Which goes first turns too.
      const results: Awaited<ReturnType<typeof load>>[] = [];
      for (let turn = 0; turn < servers.length; turn++) {
        const index = (round + turn) % servers.length;
        results[index] = await load(servers[index]!.url, servers[index]!.headers);
      }
      rounds.push(results);
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratiosTo = (index: number, baseline: number) => rounds.map((results) => results[index]!.requestsPerSecond / results[baseline]!.requestsPerSecond);
    const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
    say();
    say('                              requests/s    p99 latency   (medians of the rounds)');
    servers.forEach((server, index) => {
      const requests = median(rounds.map((results) => results[index]!.requestsPerSecond));
      say(`${server.name.padEnd(29)} ${requests.toFixed(0).padStart(10)}    ${String(median(rounds.map((results) => results[index]!.p99))).padStart(8)} ms`);
    });
    const ratios = ratiosTo(1, 0);
    const ratio = median([...ratios]);
    const prepared = ratiosTo(1, 2);
    say();
    say(`Ratio API/bare in each round: ${ratios.map(percent).join(', ')}`);
    say(`Named statements against unnamed, the API in each round: ${prepared.map(percent).join(', ')}; median ${percent(median([...prepared]))}`);
    say(`Ratio API/bare, median: ${percent(ratio)} (aim: ${AIM * 100}% or more): ${ratio >= AIM ? 'met' : 'NOT MET'}`);
  } finally {
    await api.close();
    await unprepared.close();
    await bare.server.close();
    await bare.pool.end();
  }
} finally {
  await database.drop();
}
