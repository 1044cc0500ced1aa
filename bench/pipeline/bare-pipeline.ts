import type { Job, Queue, Worker } from 'bullmq';
import pg from 'pg';
import { addJobs, createQueue, createWorker, domainEvent, type EventEnvelope, eventJobOptions } from '#libs/events';
import type { BenchSettings } from './settings.js';
import { EventTimings, type Stages } from './timings.js';

const QUEUE = 'bare-events';
const CONSUMER = 'bare';
const CHANNEL = 'bare_outbox_events';

/**
 * Tables of the same shape as the product's (their columns, defaults and indexes), with the same
 * NOTIFY on commit, so the twin does the same work in PostgreSQL without meeting the product's rows.
 */
async function createTables(db: pg.Pool): Promise<void> {
  await db.query(`
    CREATE TABLE IF NOT EXISTS bare_universities (LIKE universities INCLUDING ALL);
    CREATE TABLE IF NOT EXISTS bare_outbox_events (LIKE outbox_events INCLUDING ALL);
    CREATE TABLE IF NOT EXISTS bare_inbox_events (LIKE inbox_events INCLUDING ALL);
    CREATE OR REPLACE FUNCTION notify_bare_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${CHANNEL}', '');
      RETURN NULL;
    END $$;
    CREATE OR REPLACE TRIGGER bare_outbox_events_notify AFTER INSERT ON bare_outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_bare_outbox();`);
}

/** Runs `work` in a transaction on a connection of its own from `pool`. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The same design as the product's pipeline with nothing but `pg` and `bullmq`, as the floor of what
 * it costs: a command commits its row and its outbox row in one transaction; a relay woken by NOTIFY
 * claims rows with SKIP LOCKED and marks them dispatched in one statement, adds them in bulk as the
 * product does (the event id as job id, the product's job options, the same queue backend, a small
 * batch on PostgreSQL one add a job) and commits; a worker at the product's concurrency writes
 * each event's inbox row in a transaction of its own.
 */
export class BarePipeline {
  private readonly timings: EventTimings;
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly listener: pg.Client;
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private stopped = false;

  private constructor(
    private readonly settings: BenchSettings,
    private readonly commands: pg.Pool,
    private readonly consumer: pg.Pool,
    private readonly db: pg.Pool,
  ) {
    const { api, worker: config } = settings;
    this.timings = new EventTimings(db, { outbox: 'bare_outbox_events', inbox: 'bare_inbox_events', consumer: CONSUMER }, 'bare twin');
    this.queue = createQueue(api, QUEUE, 'producer', { defaultJobOptions: eventJobOptions(api) });
    this.worker = createWorker(config, QUEUE, (job: Job<EventEnvelope>) => this.handle(job.data), {
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.WORKER_LOCK_DURATION_MS,
      stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
      maxStalledCount: 1,
    });
    this.listener = new pg.Client({ connectionString: api.DATABASE_URL, application_name: 'tpm-bench-bare-relay' });
  }

  static async start(settings: BenchSettings): Promise<BarePipeline> {
    const pool = (size: number, name: string) => new pg.Pool({ connectionString: settings.api.DATABASE_URL, max: size, application_name: name });
    const bare = new BarePipeline(
      settings,
      pool(settings.api.DATABASE_POOL_SIZE, 'tpm-bench-bare-api'),
      pool(settings.worker.DATABASE_POOL_SIZE, 'tpm-bench-bare-worker'),
      pool(2, 'tpm-bench'),
    );
    await createTables(bare.db);
    await bare.queue.waitUntilReady();
    await bare.worker.waitUntilReady();
    await bare.listener.connect();
    bare.listener.on('notification', () => bare.wake());
    await bare.listener.query(`LISTEN ${CHANNEL}`);
    return bare;
  }

  throughput(run: string, count: number, producers: number): Promise<Stages> {
    return this.timings.throughput(run, count, producers, this.register);
  }

  latency(run: string, count: number, perSecond: number): Promise<number[]> {
    return this.timings.latency(run, count, perSecond, this.register);
  }

  drainBacklog(run: string, count: number): Promise<number> {
    return this.timings.drainBacklog(run, count);
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.running;
    await this.listener.end();
    await this.worker.close();
    await this.queue.close();
    await Promise.all([this.commands.end(), this.consumer.end(), this.db.end()]);
  }

  /** The command: the university and its event, committed together. */
  private readonly register = (name: string) =>
    inTransaction(this.commands, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO bare_universities (name, short_name, website) VALUES ($1, $2, $3) RETURNING id, created_at',
        [name, 'BU', 'https://bench.example'],
      );
      const university = rows[0]!;
      const event = domainEvent('university.registered', { aggregateId: university.id, payload: { universityId: university.id, name, shortName: 'BU' } });
      await client.query(
        `INSERT INTO bare_outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, partnership_id, actor_id, correlation_id, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [event.id, event.type, event.version, event.occurredAt, event.aggregateType, event.aggregateId, event.partnershipId, event.actorId, event.correlationId, event.payload],
      );
      return university;
    });

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.wokenWhileRunning) {
        this.wokenWhileRunning = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === this.settings.api.OUTBOX_BATCH_SIZE);
    } catch {
      // The rows stay in the outbox; try again shortly, as the product's relay does.
      setTimeout(() => this.wake(), 100);
    }
  }

  private relayBatch(): Promise<number> {
    return inTransaction(this.commands, async (client) => {
      const { rows } = await client.query<{ id: string; type: string; version: number; occurred_at: Date } & Record<string, unknown>>(
        `WITH claimed AS (
           SELECT id, position FROM bare_outbox_events WHERE dispatched_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED
         ), marked AS (
           UPDATE bare_outbox_events o SET dispatched_at = now(), dispatch_attempts = o.dispatch_attempts + 1
             FROM claimed WHERE o.id = claimed.id
           RETURNING o.id, o.type, o.version, o.occurred_at, o.aggregate_type, o.aggregate_id, o.partnership_id, o.actor_id,
                     o.correlation_id, o.payload, claimed.position
         )
         SELECT * FROM marked ORDER BY position`,
        [this.settings.api.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await addJobs(
        this.settings.api,
        this.queue,
        rows.map((row) => ({
          name: row.type,
          data: {
            id: row.id,
            type: row.type,
            version: row.version,
            occurredAt: row.occurred_at.toISOString(),
            aggregateType: row.aggregate_type,
            aggregateId: row.aggregate_id,
            partnershipId: row.partnership_id,
            actorId: row.actor_id,
            correlationId: row.correlation_id,
            payload: row.payload,
          },
          opts: { jobId: row.id },
        })),
      );
      return rows.length;
    });
  }

  /** The consumer: the inbox row in a transaction of its own, where a handler's writes would go. */
  private handle(event: EventEnvelope): Promise<string> {
    return inTransaction(this.consumer, async (client) => {
      const { rowCount } = await client.query(
        'INSERT INTO bare_inbox_events (consumer, event_id, event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id',
        [CONSUMER, event.id, event.type],
      );
      return rowCount === 0 ? 'duplicate' : 'handled';
    });
  }
}
