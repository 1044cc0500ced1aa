import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CoreConfig, loadConfig } from '#libs/config';
import { withDatabaseName } from '#libs/database';
import { createQueue } from '#libs/events';
import { DIGEST_QUEUE, requestDigestRun } from '#libs/mail-contract';
import { freePort, removeRedisKeys } from '#libs/testing';
import { recreateDatabase } from '../pipeline/bench-database.js';
import { CpuMeter } from '../pipeline/cpu.js';
import { seed } from './seed.js';
import { startSmtpSink } from './smtp-sink.js';

/**
 * bench/digest: the daily digest for N confirmed subscribers with varied filters and 200 new
 * opportunities, sent by 1 and then 2 notification worker processes (as in production) through a
 * local SMTP sink. Prints when each stage was done, from the run's start: the run queued its
 * batches, every digest was planned, the first and the last message was accepted, every message
 * was marked sent; the rate; the workers' peak resident memory; and the messages a subscriber got
 * more than once. Run at two sizes to show the memory does not grow with N.
 */
const SIZES = (process.env.DIGEST_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const WORKERS = (process.env.DIGEST_BENCH_WORKERS ?? '1,2').split(',').map(Number);
const OPPORTUNITIES = 200;
const AIM_SECONDS = 60;
const AIM_SIZE = 100_000;
// Flags for the workers' node besides the one production gives it (docker/entrypoint.sh), e.g.
// `--cpu-prof --cpu-prof-dir=/tmp/prof` (Node 20 refuses these in NODE_OPTIONS).
const WORKER_NODE_ARGS = (process.env.DIGEST_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

// utime + stime, in clock ticks (100 a second on Linux).
const cpuSeconds = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).map(Number).reduce((a, b) => a + b) / 100;
const peakRssMiB = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function runOnce(subscribers: number, workerCount: number) {
  const core = loadConfig(CoreConfig);
  // A name of its own: another run of the bench on the same server must not drop this one's database.
  const url = withDatabaseName(core.DATABASE_URL, `tpm_bench_digest_${randomBytes(4).toString('hex')}`);
  const database = await recreateDatabase(url);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const prefix = `tpmbench-${randomBytes(5).toString('hex')}`;
  try {
    await seed(db, { subscribers, opportunities: OPPORTUNITIES });
    const sinkPort = await freePort();
    const liveSink = await startSmtpSink(sinkPort);
    const connections = process.env.DIGEST_BENCH_SMTP_CONNECTIONS;
    const env = {
      ...process.env,
      DATABASE_URL: url,
      QUEUE_BACKEND: core.QUEUE_BACKEND,
      REDIS_URL: core.REDIS_URL ?? '',
      QUEUE_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}${connections ? `?maxConnections=${connections}` : ''}`,
      DIGEST_SCHEDULES: 'false',
      LOG_LEVEL: 'warn',
      // Two workers on one machine cannot both listen on the metrics port.
      NOTIFICATION_WORKER_METRICS_PORT: '0',
    };
    const workers: ChildProcess[] = [];
    for (let i = 0; i < workerCount; i += 1) {
      workers.push(spawn(process.execPath, ['--max-semi-space-size=16', ...WORKER_NODE_ARGS, 'dist/apps/notification-worker/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] }));
    }
    const queue = createQueue({ QUEUE_BACKEND: core.QUEUE_BACKEND, REDIS_URL: core.REDIS_URL, DATABASE_URL: url, QUEUE_PREFIX: prefix }, DIGEST_QUEUE, 'producer');
    try {
      await sleep(3000); // the workers connect and start consuming
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
      // The CPU each process spent on the run, which a busy machine stretches less than the wall clock.
      const meter = await CpuMeter.start(url, core.QUEUE_BACKEND === 'redis' ? core.REDIS_URL : undefined);
      const cpuBefore = workers.reduce((sum, worker) => sum + cpuSeconds(worker.pid!), 0);
      const start = performance.now();
      const at = { queued: 0, planned: 0, marked: 0 };
      const since = () => (performance.now() - start) / 1000;
      // This process's share is the sink's (and the few polls below).
      const others = await meter.measure(expected, async () => {
        const run = await requestDigestRun(queue, 'daily');
        let polls = 0;
        while (!at.marked) {
          const exited = workers.find((worker) => worker.exitCode !== null);
          if (exited) throw new Error(`a worker exited with ${exited.exitCode}`);
          if (!at.queued && (await queue.getJob(run.id!))?.finishedOn) at.queued = since();
          // Counting 100,000 rows costs PostgreSQL more than a poll should, so once a second until the sink has them all.
          if (liveSink.count() >= expected || ++polls % 10 === 0) {
            const [{ planned, sent }] = (
              await db.query(`SELECT count(*)::int AS planned, count(*) FILTER (WHERE status = 'sent')::int AS sent FROM sent_messages`)
            ).rows as [{ planned: number; sent: number }];
            if (!at.planned && planned >= expected) at.planned = since();
            if (sent >= expected && liveSink.count() >= expected) at.marked = since();
          }
          await sleep(100);
        }
      });
      await meter.close();
      const seconds = (liveSink.lastAt() - start) / 1000;
      const cpuMs = (1000 * (workers.reduce((sum, worker) => sum + cpuSeconds(worker.pid!), 0) - cpuBefore)) / expected;
      await sleep(1000);
      return {
        subscribers,
        workers: workerCount,
        emails: expected,
        ...at,
        firstSent: (liveSink.firstAt() - start) / 1000,
        seconds,
        perSecond: expected / seconds,
        cpu: { workers: cpuMs, sink: others.node, postgres: others.postgres, redis: others.redis ?? 0 },
        peakMiB: Math.max(...workers.map((worker) => peakRssMiB(worker.pid!))),
        twice: liveSink.duplicates() + Math.max(0, liveSink.count() - expected - liveSink.duplicates()),
      };
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(workers.map((worker) => (worker.exitCode === null ? once(worker, 'exit') : Promise.resolve())));
      await queue.close();
      await liveSink.close();
    }
  } finally {
    await db.end();
    await database.drop();
    if (core.QUEUE_BACKEND === 'redis' && core.REDIS_URL) await removeRedisKeys(core.REDIS_URL, `${prefix}:`);
  }
}

const s = (seconds: number, width = 7) => seconds.toFixed(1).padStart(width);
const cpuColumns = (cpu: Record<'workers' | 'postgres' | 'redis' | 'sink', number>) =>
  [cpu.workers, cpu.postgres, cpu.redis, cpu.sink, cpu.workers + cpu.postgres + cpu.redis + cpu.sink].map((ms, i) => ms.toFixed(2).padStart([7, 11, 6, 6, 7][i]!)).join('');
console.log(`Daily digest: ${OPPORTUNITIES} new opportunities, subscribers with varied filters, through a local SMTP sink`);
console.log('Seconds from the run\'s start until: its batches were queued, every digest planned, the first and the last accepted, all marked sent');
console.log('                                                                                     CPU ms a digest');
console.log('subscribers | workers | digests sent | queued | planned | first | last (s) | marked | digests/s | workers PostgreSQL Redis  sink  total | worker peak RSS | sent twice');
const results = [];
for (const size of SIZES) {
  for (const workers of WORKERS) {
    const r = await runOnce(size, workers);
    results.push(r);
    console.log(
      `${String(r.subscribers).padStart(11)} | ${String(r.workers).padStart(7)} | ${String(r.emails).padStart(12)} | ${s(r.queued, 6)} | ${s(r.planned)} | ${s(r.firstSent, 5)} | ${s(r.seconds, 8)} | ${s(r.marked, 6)} | ${r.perSecond.toFixed(0).padStart(9)} | ${cpuColumns(r.cpu)} | ${r.peakMiB.toFixed(0).padStart(11)} MiB | ${r.twice}`,
    );
  }
}
// The last line says whether the aim is met: by the fastest of the worker counts (the table has each).
const aimed = results.filter((r) => r.subscribers === AIM_SIZE).sort((a, b) => a.seconds - b.seconds)[0];
if (aimed) {
  console.log(`${AIM_SIZE.toLocaleString('en-GB')} digests: ${aimed.seconds.toFixed(1)} s (aim: under ${AIM_SECONDS} s): ${aimed.seconds < AIM_SECONDS ? 'met' : 'NOT MET'}`);
  // Everything runs on this machine, so its cores bound the rate whatever the code waits on.
  const cpu = aimed.cpu.workers + aimed.cpu.postgres + aimed.cpu.redis + aimed.cpu.sink;
  const cores = availableParallelism();
  console.log(
    `  CPU: ${cpu.toFixed(2)} ms a digest in all; ${cores} cores at most ${((cores * 1000) / cpu).toFixed(0)} digests/s, ${((AIM_SIZE * cpu) / cores / 1000).toFixed(0)} s for ${AIM_SIZE.toLocaleString('en-GB')}`,
  );
}
process.exit(results.some((r) => r.twice > 0) ? 1 : 0);
