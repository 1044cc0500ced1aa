import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CoreConfig, loadConfig } from '#libs/config';
import { dataSourceOptions, withDatabaseName } from '#libs/database';
import {
  BEST_FITS_SQL,
  bestFits,
  NOBODY_HOLDS_ALL_SQL,
  planForBestFits,
  planForRanking,
  RANK_OPPORTUNITIES_SQL,
  RANK_PRACTITIONERS_SQL,
  rankingParameters,
  recommendForOpportunity,
  recommendForPractitioner,
} from '#libs/matching';
import { recreateDatabase } from '../pipeline/bench-database.js';
import { percentile } from '../pipeline/stats.js';
import { seedPartnership, seedPractitioners, seedRecommendations } from './seed.js';

const SIZES = [10_000, 50_000, 100_000];
const OPEN_OPPORTUNITIES = 1_000;
const LIMIT = 25;
const RUNS = 30;
const AIM_P95_MS = 100;

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/** Times `work` in a transaction of its own, `RUNS` times over the given ids; median and p95. */
async function timed(dataSource: DataSource, ids: string[], work: (manager: DataSource['manager'], id: string) => Promise<unknown>) {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const id = ids[run % ids.length]!;
    const started = performance.now();
    await dataSource.transaction((transaction) => work(transaction, id));
    times.push(performance.now() - started);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const databaseUrl = withDatabaseName(loadConfig(CoreConfig).DATABASE_URL, 'tpm_bench_matching');
const database = await recreateDatabase(databaseUrl);
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const dataSource = new DataSource(dataSourceOptions({ url: databaseUrl, applicationName: 'tpm-bench-matching' }));
await dataSource.initialize();
try {
  await seedPartnership(client, OPEN_OPPORTUNITIES);
  const opportunities = (await client.query<{ id: string }>('SELECT id FROM opportunities ORDER BY id')).rows.map((row) => row.id);
  say(`Matching benchmark: one partnership, ${OPEN_OPPORTUNITIES.toLocaleString('en-GB')} open opportunities, lists of ${LIMIT}; ${RUNS} runs per figure, each in its own transaction.`);
  say('Baseline: loading the partnership\'s practitioner profiles into Node, as ranking in JavaScript would have to before it could start.');
  say();
  say('"one opportunity" is the worker\'s path (the best-fit shortcut when it finds enough, else everyone ranked); "everyone ranked" always ranks all.');
  say();
  say('practitioners   one opportunity (median / p95)   everyone ranked (median / p95)   shortcut taken   one practitioner across all (median / p95)   baseline load');
  let seeded = 0;
  const results: { size: number; opportunity: number; opportunityP95: number }[] = [];
  for (const size of SIZES) {
    await seedPractitioners(client, seeded + 1, size);
    seeded = size;
    await seedRecommendations(client, LIMIT);
    const practitioners = (await client.query<{ id: string }>(`SELECT id FROM users WHERE role = 'practitioner' ORDER BY id LIMIT ${RUNS}`)).rows.map((r) => r.id);
    const opportunity = await timed(dataSource, opportunities, (manager, id) => recommendForOpportunity(manager, id, LIMIT));
    const everyone = await timed(dataSource, opportunities, async (manager, id) => {
      await planForRanking(manager);
      return manager.query(`${RANK_PRACTITIONERS_SQL} ORDER BY score DESC, practitioner_id LIMIT $3`, [...rankingParameters(id), LIMIT]);
    });
    let shortcuts = 0;
    for (const id of opportunities.slice(0, RUNS)) {
      const best = await dataSource.transaction((transaction) => bestFits(transaction, id, LIMIT));
      if (best.length === LIMIT) shortcuts++;
    }
    const practitioner = await timed(dataSource, practitioners, (manager, id) => recommendForPractitioner(manager, id, LIMIT));
    const baseline = await timed(dataSource, opportunities, (manager) =>
      manager.query(`SELECT * FROM practitioner_profiles WHERE council_id IN (SELECT council_id FROM partnership_members)`),
    );
    results.push({ size, opportunity: opportunity.median, opportunityP95: opportunity.p95 });
    say(
      `${size.toLocaleString('en-GB').padStart(13)}   ${ms(opportunity.median)} / ${ms(opportunity.p95)}          ${ms(everyone.median)} / ${ms(everyone.p95)}   ${`${shortcuts} of ${RUNS}`.padStart(14)}   ${ms(practitioner.median)} / ${ms(practitioner.p95)}                      ${ms(baseline.median)}`,
    );
  }
  const [smallest, largest] = [results[0]!, results.at(-1)!];
  say();
  say(
    `One opportunity at ${largest.size.toLocaleString('en-GB')} practitioners: p95 ${largest.opportunityP95.toFixed(0)} ms (aim: under ${AIM_P95_MS} ms): ${largest.opportunityP95 < AIM_P95_MS ? 'met' : 'NOT MET'}`,
  );
  say(
    `Growth from ${smallest.size.toLocaleString('en-GB')} to ${largest.size.toLocaleString('en-GB')} practitioners (x${largest.size / smallest.size}): x${(largest.opportunity / smallest.opportunity).toFixed(1)}`,
  );
  say();
  say(`Plan, the best-fit shortcut for one opportunity at ${largest.size.toLocaleString('en-GB')} practitioners:`);
  await explain(BEST_FITS_SQL, [...rankingParameters(opportunities[1]!), LIMIT, 0], false);
  // An opportunity asking for more specialisms than anyone holds: the shortcut's second look, for those missing one.
  const [wide] = (
    await client.query<{ id: string }>(`SELECT id FROM opportunities WHERE cardinality(required_specialisms) = 3 ORDER BY id LIMIT 1`)
  ).rows;
  say();
  say(`Plan, whether anyone holds every specialism asked for (three), at ${largest.size.toLocaleString('en-GB')} practitioners:`);
  await explain(NOBODY_HOLDS_ALL_SQL, [wide!.id], false);
  say();
  say(`Plan, the best-fit shortcut's second look (one specialism missing) for that opportunity, at ${largest.size.toLocaleString('en-GB')} practitioners:`);
  await explain(BEST_FITS_SQL, [...rankingParameters(wide!.id), LIMIT, 1], false);
  say();
  say(`Plan, that opportunity with everyone ranked, at ${largest.size.toLocaleString('en-GB')} practitioners:`);
  await explain(`${RANK_PRACTITIONERS_SQL} ORDER BY score DESC, practitioner_id LIMIT ${LIMIT}`, rankingParameters(wide!.id));
  say();
  say(`Plan, one opportunity with everyone ranked, at ${largest.size.toLocaleString('en-GB')} practitioners:`);
  await explain(`${RANK_PRACTITIONERS_SQL} ORDER BY score DESC, practitioner_id LIMIT ${LIMIT}`, rankingParameters(opportunities[0]!));
  say();
  say(`Plan, one practitioner across ${OPEN_OPPORTUNITIES.toLocaleString('en-GB')} opportunities:`);
  const [someone] = (await client.query<{ id: string }>(`SELECT user_id AS id FROM practitioner_profiles WHERE career_stage = 'team_manager' LIMIT 1`)).rows;
  await explain(RANK_OPPORTUNITIES_SQL, rankingParameters(someone!.id));
} finally {
  await dataSource.destroy();
  await client.end();
  await database.drop();
}

/** The plan as the worker runs it: with the same planner settings (ranking everyone, or the shortcut's), in a transaction of its own. */
async function explain(sql: string, parameters: unknown[], rankingEveryone = true): Promise<void> {
  const rows = await dataSource.transaction(async (transaction) => {
    await (rankingEveryone ? planForRanking(transaction) : planForBestFits(transaction));
    return transaction.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) ${sql}`, parameters);
  });
  for (const row of rows) say(`  ${row['QUERY PLAN']}`);
}
