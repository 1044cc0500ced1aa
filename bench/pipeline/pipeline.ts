import { setTimeout as sleep } from 'node:timers/promises';
import { type DynamicModule, type INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { MatchingWorkerModule } from '../../apps/matching-worker/src/matching-worker.module.js';
import { RegisterUniversityCommand } from '#libs/organisations';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import { CONSUMER_SUBSCRIPTIONS, type EventType } from '#libs/events';
import type { BenchSettings } from './settings.js';
import { epochMs, runConcurrently, runPaced } from './load.js';
import { type Latency, latencyOf } from './stats.js';

const CONSUMER = 'matching';
const DEADLINE_MS = 120_000;

/**
 * No worker takes university.registered in the product; here the matching group takes it and does
 * nothing with it, so that what is measured is the pipeline itself: the command's outbox row, the
 * relay, the queue and the consumer's inbox row.
 */
@Injectable()
@HandlesEvents(['university.registered', 1])
class UniversityRegisteredIgnored implements EventHandler<'university.registered'> {
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

@Module({})
class BenchMatchingWorkerModule {
  static forRoot(config: BenchSettings['worker']): DynamicModule {
    const subscriptions = CONSUMER_SUBSCRIPTIONS.matching as unknown as EventType[];
    if (!subscriptions.includes('university.registered')) subscriptions.push('university.registered');
    return { module: BenchMatchingWorkerModule, imports: [MatchingWorkerModule.forRoot(config)], providers: [UniversityRegisteredIgnored] };
  }
}

/** Where a run's events spent their time, from the timestamps each stage leaves in the database. */
export interface Stages {
  /** Events a second from the first commit to the last event handled. */
  eventsPerSecond: number;
  /** Commits a second from the first event's commit to the last's: the command side on its own. */
  commitsPerSecond: number;
  /** Median from commit to the relay claiming the row (dispatched_at is its transaction's start). */
  toRelayMs: number;
  /** Median from the relay's claim to the consumer's inbox row. */
  toHandledMs: number;
}

/**
 * The real path of a domain event: RegisterUniversityCommand on the API's own module (its command bus,
 * connection pool and outbox relay, without the HTTP server), and the matching worker's module consuming.
 * Each run's events are told apart by the name of the university they register.
 */
export class Pipeline {
  private readonly commandBus: CommandBus;

  private constructor(
    private readonly api: INestApplicationContext,
    private readonly worker: INestApplicationContext,
    private readonly db: pg.Pool,
  ) {
    this.commandBus = api.get(CommandBus);
  }

  static async start(settings: BenchSettings): Promise<Pipeline> {
    const worker = await NestFactory.createApplicationContext(BenchMatchingWorkerModule.forRoot(settings.worker), { logger: false });
    const api = await NestFactory.createApplicationContext(ApiModule.forRoot(settings.api), { logger: false });
    const db = new pg.Pool({ connectionString: settings.api.DATABASE_URL, max: 2, application_name: 'tpm-bench' });
    return new Pipeline(api, worker, db);
  }

  /** `count` commands with `producers` always in flight, measured from the first commit to the last event handled. */
  async throughput(run: string, count: number, producers: number): Promise<Stages> {
    const target = (await this.handledCount()) + count;
    await runConcurrently(count, producers, (index) => this.register(run, index));
    await this.handled(target, `pipeline ${run}`);
    // occurred_at is stamped inside the command's transaction, just before it commits.
    const [row] = await this.query<{ total: number; commits: number; toRelay: number; toHandled: number }>(
      `SELECT extract(epoch FROM max(i.handled_at) - min(o.occurred_at))::float8 AS total,
              extract(epoch FROM max(o.occurred_at) - min(o.occurred_at))::float8 AS commits,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.dispatched_at - o.occurred_at))::float8 AS "toRelay",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.handled_at - o.dispatched_at))::float8 AS "toHandled"
         FROM outbox_events o JOIN inbox_events i ON i.event_id = o.id AND i.consumer = $1
        WHERE o.payload->>'name' LIKE $2`,
      [CONSUMER, namePattern(run)],
    );
    return {
      eventsPerSecond: count / row!.total,
      commitsPerSecond: count / row!.commits,
      toRelayMs: row!.toRelay * 1000,
      toHandledMs: row!.toHandled * 1000,
    };
  }

  /** From each command resolving (its transaction committed) to the consumer's inbox row for its event. */
  async latency(run: string, count: number, perSecond: number): Promise<Latency> {
    const target = (await this.handledCount()) + count;
    const committedAt = new Map<string, number>();
    await runPaced(count, perSecond, async (index) => {
      const university = await this.register(run, index);
      committedAt.set(university.id, epochMs());
    });
    await this.handled(target, `pipeline ${run}`);
    const rows = await this.query<{ universityId: string; handledMs: number }>(
      `SELECT o.aggregate_id AS "universityId", (extract(epoch FROM i.handled_at) * 1000)::float8 AS "handledMs"
         FROM outbox_events o JOIN inbox_events i ON i.event_id = o.id AND i.consumer = $1
        WHERE o.payload->>'name' LIKE $2`,
      [CONSUMER, namePattern(run)],
    );
    return latencyOf(rows.map((row) => row.handledMs - committedAt.get(row.universityId)!));
  }

  /**
   * Relay and consumer alone: `count` events land in the outbox in one statement (no commands), and are
   * timed from that commit to the last one handled.
   */
  async drainBacklog(run: string, count: number): Promise<number> {
    const target = (await this.handledCount()) + count;
    await this.query(
      `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, correlation_id, payload)
       SELECT id, 'university.registered', 1, now(), 'university', university::text, gen_random_uuid()::text,
              jsonb_build_object('universityId', university, 'name', $1::text || n, 'shortName', 'BU')
         FROM (SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS university FROM generate_series(1, $2::int) n) event`,
      [nameOf(run), count],
    );
    const committed = epochMs();
    await this.handled(target, `pipeline ${run}`);
    const [row] = await this.query<{ lastMs: number }>(
      `SELECT (extract(epoch FROM max(i.handled_at)) * 1000)::float8 AS "lastMs"
         FROM outbox_events o JOIN inbox_events i ON i.event_id = o.id AND i.consumer = $1
        WHERE o.payload->>'name' LIKE $2`,
      [CONSUMER, namePattern(run)],
    );
    return count / ((row!.lastMs - committed) / 1000);
  }

  async close(): Promise<void> {
    await this.api.close();
    await this.worker.close();
    await this.db.end();
  }

  private register(run: string, index: number) {
    const command = new RegisterUniversityCommand({ name: `${nameOf(run)}${index}`, shortName: 'BU', website: 'https://bench.example' });
    return this.commandBus.execute(command);
  }

  private async handled(target: number, what: string): Promise<void> {
    const deadline = Date.now() + DEADLINE_MS;
    while ((await this.handledCount()) < target) {
      if (Date.now() > deadline) throw new Error(`${what}: events still unhandled after ${DEADLINE_MS / 1000} s`);
      await sleep(20);
    }
  }

  private async handledCount(): Promise<number> {
    const [row] = await this.query<{ count: number }>('SELECT count(*)::int AS count FROM inbox_events WHERE consumer = $1', [CONSUMER]);
    return row!.count;
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }
}

const nameOf = (run: string) => `Bench University ${run} `;
const namePattern = (run: string) => `${nameOf(run)}%`;
