import 'reflect-metadata';
import { IsBoolean, IsDefined, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SetInProduction } from './set-in-production.js';
import { TextBoolean } from './text-boolean.js';

const QUEUE_BACKENDS = ['redis', 'postgres'] as const;
export type QueueBackend = (typeof QUEUE_BACKENDS)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings every process of the product has, the web included: how to log, which environment. */
export class ProcessConfig {
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** `json` for machines (one line an event), `pretty` for a person at a terminal. */
  @IsIn(['json', 'pretty'])
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /**
   * Address of the process's Prometheus metrics port (each process names its port in a setting of
   * its own). Loopback by default: the figures are for the machine's own Prometheus, never public.
   */
  @IsString()
  METRICS_HOST: string = '127.0.0.1';
}

/** The port of the PostgreSQL that `npm start` runs itself when DATABASE_URL is not set. */
export const EMBEDDED_DATABASE_PORT = 5439;
const EMBEDDED_DATABASE_URL = `postgres://postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT}/tpm`;

/** Settings every process behind the API needs: where the data and the queues live. */
export class CoreConfig extends ProcessConfig {
  /** Unset: the embedded PostgreSQL that `npm start` runs in .data/ (refused in production). */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  @SetInProduction(EMBEDDED_DATABASE_URL)
  DATABASE_URL: string = EMBEDDED_DATABASE_URL;

  /** Where the queues live when QUEUE_BACKEND is redis; unset, the queues live in PostgreSQL. */
  @ValidateIf((config: CoreConfig) => config.QUEUE_BACKEND === 'redis' || config.REDIS_URL !== undefined)
  @IsDefined({ message: 'REDIS_URL must be set when QUEUE_BACKEND is redis (or set QUEUE_BACKEND=postgres)' })
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /**
   * Where BullMQ keeps the queues (and the sign-in rate limits): `redis`, or `postgres` for a machine
   * with no Redis (the queues then live in DATABASE_URL's database, schema `<QUEUE_PREFIX>_queues`).
   * By default `redis` when REDIS_URL is set, `postgres` otherwise: an accessor, as a default that
   * depends on another setting can only be worked out once both are read.
   */
  @IsIn(QUEUE_BACKENDS)
  get QUEUE_BACKEND(): QueueBackend {
    return this.#queueBackend ?? (this.REDIS_URL ? 'redis' : 'postgres');
  }

  set QUEUE_BACKEND(backend: QueueBackend) {
    this.#queueBackend = backend;
  }

  #queueBackend: QueueBackend | undefined;

  /**
   * Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis; on
   * PostgreSQL it names the queues' schema (`-` becoming `_`), so they can share one database server.
   */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'may contain only letters, digits, _ and -' })
  @MaxLength(48)
  QUEUE_PREFIX: string = 'tpm';

  /** How often a failed event job is tried in all before it stays in the failed set. */
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_JOB_ATTEMPTS: number = 8;

  /** First retry delay of a failed event job; each further retry waits twice as long. */
  @IsInt()
  @Min(10)
  EVENT_JOB_BACKOFF_MS: number = 1000;

  /**
   * Longest pause of a queue while a dependency (PostgreSQL, Redis, SMTP) cannot be reached: its jobs
   * wait, from EVENT_JOB_BACKOFF_MS doubling up to this, using none of their attempts.
   */
  @IsInt()
  @Min(10)
  OUTAGE_RETRY_MAX_MS: number = 30_000;

  /** The outbox relay wakes on every commit; this poll only covers a lost notification. */
  @IsInt()
  @Min(50)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE: number = 200;

  /**
   * An event dispatched this long ago that a consumer group has neither handled nor holds as a job
   * (Redis lost it) is put on that group's queue again.
   */
  @IsInt()
  @Min(1)
  OUTBOX_RECONCILE_AFTER_SECONDS: number = 300;

  @IsInt()
  @Min(100)
  OUTBOX_RECONCILE_INTERVAL_MS: number = 60_000;

  /** Connections each process may hold. Every active worker job holds one, so keep it at or above WORKER_CONCURRENCY. */
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** Send the hot statements (search, caller lookup, outbox claim, inbox insert) as named statements, planned once per connection. */
  @TextBoolean()
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS: boolean = true;

  /** How long a request may wait to get a connection (connecting, or for a free one in the pool) before it is a 503. */
  @IsInt()
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS: number = 3000;

  /**
   * How long one statement may run; PostgreSQL cancels it then. The client gives up a second later,
   * for a server that does not answer at all. Migrations and benchmarks run without it.
   */
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 5000;
}
