import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CoreConfig, loadConfig } from '#libs/config';
import { withDatabaseName } from '#libs/database';
import { createQueue } from '#libs/events';
import { DIGEST_QUEUE, requestDigestRun } from '#libs/mail-contract';
import { freePort, removeRedisKeys } from '#libs/testing';
import { recreateDatabase } from '../pipeline/bench-database.js';
import { seed } from './seed.js';
import { startSmtpSink } from './smtp-sink.js';

/**
 * bench/digest: the daily digest for N confirmed subscribers with varied filters and 200 new
 * opportunities, sent by the notification worker (its own process, as in production) through a
 * local SMTP sink. Prints the time from the run's start to the last message accepted, and the
 * worker's peak resident memory; run at two sizes to show the memory does not grow with N.
 */
const SIZES = (process.env.DIGEST_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const OPPORTUNITIES = 200;
const AIM_SECONDS = 60;

const peakRssMiB = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function runOnce(subscribers: number) {
  const core = loadConfig(CoreConfig);
  const url = withDatabaseName(core.DATABASE_URL, 'tpm_bench_digest');
  const database = await recreateDatabase(url);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const prefix = `tpmbench-${randomBytes(5).toString('hex')}`;
  try {
    await seed(db, { subscribers, opportunities: OPPORTUNITIES });
    const sinkPort = await freePort();
    const liveSink = await startSmtpSink(sinkPort);
    const env = {
      ...process.env,
      DATABASE_URL: url,
      QUEUE_BACKEND: core.QUEUE_BACKEND,
      REDIS_URL: core.REDIS_URL ?? '',
      QUEUE_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}?maxConnections=${process.env.DIGEST_BENCH_SMTP_CONNECTIONS ?? 10}`,
      DIGEST_SCHEDULES: 'false',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '10',
      DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '12',
    };
    const worker = spawn(process.execPath, ['dist/apps/notification-worker/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const queue = createQueue({ QUEUE_BACKEND: core.QUEUE_BACKEND, REDIS_URL: core.REDIS_URL, DATABASE_URL: url, QUEUE_PREFIX: prefix }, DIGEST_QUEUE, 'producer');
    try {
      await sleep(3000); // the worker connects and starts consuming
      const [{ expected }] = (
        await db.query(
          // The same filters as the planner, counted: the subscribers with at least one match.
          `SELECT count(*)::int AS expected FROM subscriptions s WHERE EXISTS (
             SELECT 1 FROM opportunities o WHERE (cardinality(s.types) = 0 OR o.type = ANY(s.types))
               AND (cardinality(s.host_organisation_ids) = 0 OR o.host_university_id = ANY(s.host_organisation_ids))
               AND (cardinality(s.specialisms) = 0 OR o.required_specialisms && s.specialisms)
               AND (s.partnership_id IS NULL OR o.partnership_id = s.partnership_id))`,
        )
      ).rows as [{ expected: number }];
      const start = performance.now();
      await requestDigestRun(queue, 'daily');
      while (liveSink.count() < expected) {
        if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
        await sleep(200);
      }
      const seconds = (liveSink.lastAt() - start) / 1000;
      await sleep(1000);
      const extra = liveSink.count() - expected;
      return { subscribers, emails: expected, seconds, perSecond: expected / seconds, peakMiB: peakRssMiB(worker.pid!), extra };
    } finally {
      worker.kill('SIGTERM');
      await once(worker, 'exit');
      await queue.close();
      await liveSink.close();
    }
  } finally {
    await db.end();
    await database.drop();
    if (core.QUEUE_BACKEND === 'redis' && core.REDIS_URL) await removeRedisKeys(core.REDIS_URL, `${prefix}:`);
  }
}

console.log(`Daily digest: ${OPPORTUNITIES} new opportunities, subscribers with varied filters, through a local SMTP sink`);
console.log('subscribers | digests sent | seconds | digests/s | worker peak RSS | sent twice');
const results = [];
for (const size of SIZES) {
  const result = await runOnce(size);
  results.push(result);
  console.log(
    `${String(result.subscribers).padStart(11)} | ${String(result.emails).padStart(12)} | ${result.seconds.toFixed(1).padStart(7)} | ${result.perSecond.toFixed(0).padStart(9)} | ${result.peakMiB.toFixed(0).padStart(11)} MiB | ${result.extra}`,
  );
}
const largest = results.at(-1)!;
console.log(`Aim: every digest of ${largest.subscribers} subscribers in under ${AIM_SECONDS} s: ${largest.seconds < AIM_SECONDS ? 'met' : 'not met'} (${largest.seconds.toFixed(1)} s).`);
process.exit(0);
