import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { runConcurrently, runPaced } from './load.js';

const DEADLINE_MS = 120_000;

/** Where a run's events spent their time, from the timestamps each stage leaves in the database. */
export interface Stages {
  eventsPerSecond: number;
  /** First commit to last: the command side's pace while the relay and consumer run alongside. */
  commitsPerSecond: number;
  /** Median from the event's commit to the relay's claim (dispatched_at is its transaction's start). */
  toRelayMs: number;
  /** Median from the relay's claim to the consumer's inbox row. */
  toHandledMs: number;
}

/** The outbox and inbox an implementation of the pipeline writes to, and the consumer it records. */
export interface EventTables {
  outbox: string;
  inbox: string;
  consumer: string;
}

/** Registers a university of that name, resolving with its id once its transaction has committed. */
export type Register = (name: string) => Promise<{ id: string }>;

/**
 * Times an implementation of the pipeline from the rows it leaves, the same way for each: its
 * commands' outbox rows and its consumer's inbox rows. A run's events are told apart by the name
 * of the university they register.
 */
export class EventTimings {
  constructor(
    private readonly db: pg.Pool,
    private readonly tables: EventTables,
    private readonly what: string,
  ) {}

  /** `count` commands with `producers` always in flight, measured from the first commit to the last event handled. */
  async throughput(run: string, count: number, producers: number, register: Register): Promise<Stages> {
    const target = (await this.handledCount()) + count;
    await runConcurrently(count, producers, (index) => register(`${nameOf(run)}${index}`));
    await this.handled(target, run);
    // occurred_at is stamped inside the command's transaction, just before it commits.
    const [row] = await this.query<{ total: number; commits: number; toRelay: number; toHandled: number }>(
      `SELECT extract(epoch FROM max(i.handled_at) - min(o.occurred_at))::float8 AS total,
              extract(epoch FROM max(o.occurred_at) - min(o.occurred_at))::float8 AS commits,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.dispatched_at - o.occurred_at))::float8 AS "toRelay",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.handled_at - o.dispatched_at))::float8 AS "toHandled"
         FROM ${this.tables.outbox} o JOIN ${this.tables.inbox} i ON i.event_id = o.id AND i.consumer = $1
        WHERE o.payload->>'name' LIKE $2`,
      [this.tables.consumer, namePattern(run)],
    );
    return {
      eventsPerSecond: count / row!.total,
      commitsPerSecond: count / row!.commits,
      toRelayMs: row!.toRelay * 1000,
      toHandledMs: row!.toHandled * 1000,
    };
  }

  /**
   * From each command resolving (its transaction committed) to the consumer's inbox row for its event.
   * Both ends are wall-clock times, as PostgreSQL's are: Node's monotonic clock can run apart from the
   * wall clock (on the benchmark's VM by 0.5%, tens of milliseconds within a minute), so a time taken
   * from it is not comparable with the database's. Answers each event's milliseconds.
   */
  async latency(run: string, count: number, perSecond: number, register: Register): Promise<number[]> {
    const target = (await this.handledCount()) + count;
    const committedAt = new Map<string, number>();
    await runPaced(count, perSecond, async (index) => {
      const university = await register(`${nameOf(run)}${index}`);
      committedAt.set(university.id, Date.now());
    });
    await this.handled(target, run);
    const rows = await this.query<{ universityId: string; handledMs: number }>(
      `SELECT o.aggregate_id AS "universityId", (extract(epoch FROM i.handled_at) * 1000)::float8 AS "handledMs"
         FROM ${this.tables.outbox} o JOIN ${this.tables.inbox} i ON i.event_id = o.id AND i.consumer = $1
        WHERE o.payload->>'name' LIKE $2`,
      [this.tables.consumer, namePattern(run)],
    );
    return rows.map((row) => row.handledMs - committedAt.get(row.universityId)!);
  }

  /**
   * Relay and consumer alone: `count` events land in the outbox in one statement (no commands), and are
   * timed from that commit to the last one handled.
   */
  async drainBacklog(run: string, count: number): Promise<number> {
    const target = (await this.handledCount()) + count;
    await this.query(
      `INSERT INTO ${this.tables.outbox} (id, type, version, occurred_at, aggregate_type, aggregate_id, correlation_id, payload)
       SELECT id, 'university.registered', 1, now(), 'university', university::text, gen_random_uuid()::text,
              jsonb_build_object('universityId', university, 'name', $1::text || n, 'shortName', 'BU')
         FROM (SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS university FROM generate_series(1, $2::int) n) event`,
      [nameOf(run), count],
    );
    const committed = Date.now();
    await this.handled(target, run);
    const [row] = await this.query<{ lastMs: number }>(
      `SELECT (extract(epoch FROM max(i.handled_at)) * 1000)::float8 AS "lastMs"
         FROM ${this.tables.outbox} o JOIN ${this.tables.inbox} i ON i.event_id = o.id AND i.consumer = $1
        WHERE o.payload->>'name' LIKE $2`,
      [this.tables.consumer, namePattern(run)],
    );
    return count / ((row!.lastMs - committed) / 1000);
  }

  private async handled(target: number, run: string): Promise<void> {
    const deadline = Date.now() + DEADLINE_MS;
    while ((await this.handledCount()) < target) {
      if (Date.now() > deadline) throw new Error(`${this.what} ${run}: events still unhandled after ${DEADLINE_MS / 1000} s`);
      await sleep(20);
    }
  }

  private async handledCount(): Promise<number> {
    const [row] = await this.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${this.tables.inbox} WHERE consumer = $1`, [this.tables.consumer]);
    return row!.count;
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }
}

const nameOf = (run: string) => `Bench University ${run} `;
const namePattern = (run: string) => `${nameOf(run)}%`;
