import { randomBytes } from 'node:crypto';
import { ApiConfig } from '../../apps/api/src/api.config.js';
import { CoreConfig, loadConfig, type QueueBackend } from '#libs/config';
import { withDatabaseName } from '#libs/database';
import { MatchingWorkerConfig } from '../../apps/matching-worker/src/matching-worker.config.js';

export const EVENTS = 20_000;
/** Throughput rounds of each side, taking turns: the median counts, so one disturbed round does not decide the share. */
export const ROUNDS = 5;
/** Run through each side first and left out of the figures, so neither pays for JIT and connection set-up. */
export const WARM_UP_EVENTS = 500;
export const ADD_BATCH_SIZE = 50;
/** Commands in flight at once: the load of that many busy API requests. */
export const PRODUCERS = 50;
export const STEADY_RATE = 200;
/** Each round's latency phase; raw BullMQ's has as many as all the rounds' together. */
export const STEADY_EVENTS = 2_000;
/** The pipeline's events/s as a share of the bare twin's, and its p99 from commit to handled at STEADY_RATE. */
export const AIM = 0.9;
export const LATENCY_AIM_MS = 20;


/** The queue backends to measure: PostgreSQL always, and Redis first when REDIS_URL names one. */
export function benchBackends(): QueueBackend[] {
  return loadConfig(CoreConfig).REDIS_URL ? ['redis', 'postgres'] : ['postgres'];
}

/**
 * The product's own settings (so DATABASE_URL, REDIS_URL, WORKER_CONCURRENCY, OUTBOX_BATCH_SIZE... can be
 * varied from the environment), but always a database and queue prefix of the run's own (`run`, which
 * a side's process is given to find its parent's), no logs, and the queues on `backend`.
 */
export function benchSettings(backend: QueueBackend, run = randomBytes(5).toString('hex')) {
  const server = loadConfig(CoreConfig);
  const overrides = {
    // Its own name each run, so two runs on one server never drop each other's database.
    DATABASE_URL: withDatabaseName(server.DATABASE_URL, `tpm_bench_pipeline_${run}`),
    QUEUE_PREFIX: `tpmbench-${run}`,
    QUEUE_BACKEND: backend,
    LOG_LEVEL: 'silent',
  };
  return { run, api: loadConfig(ApiConfig, overrides), worker: loadConfig(MatchingWorkerConfig, overrides) };
}

export type BenchSettings = ReturnType<typeof benchSettings>;
