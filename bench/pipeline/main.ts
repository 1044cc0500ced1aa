import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { recreateDatabase } from './bench-database.js';
import { CpuMeter } from './cpu.js';
import { RawBullmq } from './raw-bullmq.js';
import { removeRedisKeys } from '#libs/testing';
import { type BackendFigures, compareBackends, type Figures, type PipelineFigures, report } from './report.js';
import { type SideName, SideProcess } from './side-process.js';
import { latencyOf } from './stats.js';
import type { Stages } from './timings.js';

type Round = Omit<PipelineFigures, 'latency' | 'backlogPerSecond'>;
import { ADD_BATCH_SIZE, benchBackends, type BenchSettings, benchSettings, EVENTS, PRODUCERS, ROUNDS, STEADY_EVENTS, STEADY_RATE, WARM_UP_EVENTS } from './settings.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const backends = benchBackends();
const { worker, api } = benchSettings(backends[0]!);

say(`Event pipeline benchmark: ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(2)}), Node ${process.version}.`);
say(`Each side: ${ROUNDS} rounds, the sides taking turns, each round in a Node process of its own on a freshly vacuumed database:`);
say(`  ${n(WARM_UP_EVENTS)} events to warm up, ${n(STEADY_EVENTS)} at a steady ${STEADY_RATE}/s for latency, then ${n(EVENTS)} for throughput.`);
say(`  The median of the rounds' throughput shares counts, and the p99 of all the rounds' latencies together.`);
say(`Both sides consume with one BullMQ worker at concurrency ${worker.WORKER_CONCURRENCY}; each is measured with the queues on ${backends.join(' and on ')}.`);
say(`raw BullMQ: Queue.addBulk in batches of ${ADD_BATCH_SIZE} (jobs shaped and configured as the relay's), a Worker with a no-op processor.`);
say('  throughput: first add to last job completed; latency: add resolved to job completed.');
say(`pipeline: the real RegisterUniversityCommand on the CommandBus of the API's module (university + outbox row in one transaction), ${PRODUCERS} in flight;`);
say(`  OutboxRelay (batch ${api.OUTBOX_BATCH_SIZE}) -> BullMQ -> matching EventConsumer (inbox row in its own transaction); pool of ${api.DATABASE_POOL_SIZE} per app.`);
say('  throughput: first commit (outbox occurred_at) to last inbox handled_at; latency: command resolved to inbox handled_at.');
say('bare twin: the same design in plain pg and bullmq, no framework, on tables of the same shape, the same queue backend, job options,');
say('  pool sizes, relay batch and worker concurrency; timed the same way.');
say("CPU ms an event: over each throughput run, the side's Node process, the PostgreSQL backends of the bench database");
say('  and the Redis server (/proc); Redis is shared with other work on the machine.');

const measured: BackendFigures[] = [];
for (const backend of backends) {
  const settings = benchSettings(backend);
  say(`\n--- Queues on ${backend} ---`);
  // A fresh database for each backend, so the second does not run on the first's rows.
  const database = await recreateDatabase(settings.api.DATABASE_URL);
  try {
    const figures = { backend, ...(await measureAll(settings, database.vacuum)) };
    say();
    say(report(figures, STEADY_RATE));
    measured.push(figures);
  } catch (error) {
    // The other backend's figures are still worth having.
    say(`The run on ${backend} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    // Cleaning up must not hide why a run failed. On PostgreSQL the queues go with the bench database.
    if (backend === 'redis' && settings.worker.REDIS_URL) {
      await removeRedisKeys(settings.worker.REDIS_URL, `${settings.worker.QUEUE_PREFIX}:`).catch((error) => say(`Could not remove the Redis keys: ${error}`));
    }
    await database.drop().catch((error) => say(`Could not drop the bench database: ${error}`));
  }
}
if (measured.length > 1) {
  say();
  say(compareBackends(measured, STEADY_RATE));
}

async function measureAll(settings: BenchSettings, vacuum: () => Promise<void>): Promise<Omit<BackendFigures, 'backend'>> {
  const meter = await CpuMeter.start(settings.api.DATABASE_URL, settings.worker.QUEUE_BACKEND === 'redis' ? settings.worker.REDIS_URL : undefined);
  try {
    const raw = await measureRaw(settings, meter);
    const what: Record<SideName, string> = { bare: 'bare twin', pipeline: 'pipeline' };
    const rounds: Record<SideName, Round[]> = { bare: [], pipeline: [] };
    const latencies: Record<SideName, number[][]> = { bare: [], pipeline: [] };
    const backlogPerSecond: Partial<Record<SideName, number>> = {};
    // The sides take turns, each started afresh in a process of its own, so a machine that slows down
    // or speeds up during the run weighs on both alike and neither runs in what the other left behind.
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const key of ['bare', 'pipeline'] as const) {
        // Each round starts on a database without the last one's dead rows.
        await vacuum();
        const side = await SideProcess.start(key, settings);
        try {
          await side.throughput(`warm-up-${round}`, WARM_UP_EVENTS, PRODUCERS);
          // At the steady rate before the round's burst rather than in its wake, when the server is
          // still writing out what the burst left: that is the latency at 200/s, not after 20,000 at once.
          latencies[key].push(await side.latency(`steady-${round}`, STEADY_EVENTS, STEADY_RATE));
          rounds[key].push(await throughputRound(what[key], round, side, meter));
          if (round === ROUNDS) backlogPerSecond[key] = await side.drainBacklog('backlog', EVENTS);
        } finally {
          await side.close();
        }
      }
    }
    for (const key of ['bare', 'pipeline'] as const) {
      say(`${what[key]} p99 at ${STEADY_RATE}/s, round by round: ${latencies[key].map((round) => `${latencyOf(round).p99.toFixed(1)} ms`).join(', ')}`);
    }
    const roundShares = rounds.pipeline.map((pipeline, i) => pipeline.eventsPerSecond / rounds.bare[i]!.eventsPerSecond);
    say(`pipeline as a share of the bare twin, round by round: ${roundShares.map((share) => `${Math.round(100 * share)}%`).join(', ')}`);
    const median = (key: SideName): PipelineFigures => ({
      ...[...rounds[key]].sort((x, y) => x.eventsPerSecond - y.eventsPerSecond)[Math.floor(ROUNDS / 2)]!,
      // Every round's events together: a p99 over the whole run rather than over one round's.
      latency: latencyOf(latencies[key].flat()),
      backlogPerSecond: backlogPerSecond[key]!,
    });
    return { raw, bare: median('bare'), pipeline: median('pipeline'), roundShares };
  } finally {
    await meter.close();
  }
}

async function measureRaw(settings: BenchSettings, meter: CpuMeter): Promise<Figures> {
  const raw = new RawBullmq(settings);
  try {
    await raw.ready();
    await raw.throughput(WARM_UP_EVENTS);
    let eventsPerSecond = 0;
    const cpu = await meter.measure(EVENTS, async () => {
      eventsPerSecond = await raw.throughput(EVENTS);
    });
    say(`raw BullMQ: ${n(eventsPerSecond)} jobs/s`);
    // As many events as the sides' rounds give theirs in all.
    const latency = await raw.latency(STEADY_EVENTS * ROUNDS, STEADY_RATE);
    return { eventsPerSecond, latency, cpu };
  } finally {
    await raw.close();
  }
}

/** One throughput round of the product's pipeline or of its bare twin: both are driven and timed alike. */
async function throughputRound(what: string, round: number, side: SideProcess, meter: CpuMeter): Promise<Round> {
  let stages: Stages | undefined;
  const cpu = await meter.measure(
    EVENTS,
    async () => {
      stages = await side.throughput(`throughput-${round}`, EVENTS, PRODUCERS);
    },
    side.pid,
  );
  say(`${what}, round ${round}: ${n(stages!.eventsPerSecond)} events/s`);
  return { eventsPerSecond: stages!.eventsPerSecond, stages: stages!, cpu };
}
