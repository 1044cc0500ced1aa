import type { Queue } from 'bullmq';
import pg from 'pg';
import type { QueueBackend } from '#libs/config';
import { CONSUMER_SUBSCRIPTIONS, type ConsumerGroup, createQueue, type QueueBackendSettings, queueNameOf } from '#libs/events';
import { eventually } from './eventually.js';
import { removeRedisKeys } from './redis-keys.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { queueBackendSettings, uniqueQueuePrefix } from './test-settings.js';

export type Settings = Record<string, string | number>;

/**
 * One test file's own slice of the real services: a fresh database copied from the migrated
 * template and a queue prefix of its own, with the settings that point a process at them.
 */
export class ServiceSlice {
  readonly db: pg.Pool;
  private readonly closers: (() => Promise<unknown>)[] = [];
  private readonly queues = new Map<string, Queue>();

  protected constructor(
    readonly database: TestDatabase,
    readonly settings: Settings,
  ) {
    this.db = new pg.Pool({ connectionString: database.url, max: 4 });
    // An idle connection the server drops is replaced on the next query; it is no test's failure.
    this.db.on('error', () => undefined);
  }

  /**
   * The settings of a slice: these, over the shared services' and quiet logs. The queues are on the
   * tests' queue backend (TEST_QUEUE_BACKEND); a file that needs Redis sets QUEUE_BACKEND and REDIS_URL.
   */
  protected static async sliceSettings(settings: Settings): Promise<[TestDatabase, Settings]> {
    const database = await createTestDatabase();
    return [
      database,
      {
        DATABASE_URL: database.url,
        ...(await queueBackendSettings()),
        QUEUE_PREFIX: uniqueQueuePrefix(),
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
        DATABASE_POOL_SIZE: 5,
        // No metrics ports: test files run side by side and would all want the same ones.
        API_METRICS_PORT: 0,
        WEB_METRICS_PORT: 0,
        MATCHING_WORKER_METRICS_PORT: 0,
        NOTIFICATION_WORKER_METRICS_PORT: 0,
        ...settings,
      },
    ];
  }

  static async create(settings: Settings = {}): Promise<ServiceSlice> {
    return new ServiceSlice(...(await ServiceSlice.sliceSettings(settings)));
  }

  /** Runs `close` when the slice closes, newest first. */
  onClose(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  /** Which backend the slice's queues are on. */
  get queueBackend(): QueueBackend {
    return this.queueSettings.QUEUE_BACKEND;
  }

  /** The settings a queue object of this slice is built from (`createQueue`, `createWorker`). */
  get queueSettings(): QueueBackendSettings {
    const { QUEUE_BACKEND, REDIS_URL, DATABASE_URL, QUEUE_PREFIX } = this.settings;
    return {
      QUEUE_BACKEND: QUEUE_BACKEND === 'redis' ? 'redis' : 'postgres',
      REDIS_URL: REDIS_URL === undefined ? undefined : String(REDIS_URL),
      DATABASE_URL: String(DATABASE_URL),
      QUEUE_PREFIX: String(QUEUE_PREFIX),
    };
  }

  /** A queue handle on a consumer group's queue, to look at its jobs. */
  queue(group: ConsumerGroup): Queue {
    return this.namedQueue(queueNameOf(group));
  }

  /** A queue handle on any of the slice's queues (the digests', say), closed with the slice. */
  namedQueue(name: string): Queue {
    const known = this.queues.get(name);
    if (known) return known;
    const queue = createQueue(this.queueSettings, name, 'worker');
    queue.on('error', () => undefined);
    this.queues.set(name, queue);
    this.onClose(() => queue.close());
    return queue;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[];
  }

  /** For a query that answers one row (an aggregate, a lookup by key); any other count fails the test. */
  async queryOne<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
    const rows = await this.query<T>(sql, params);
    if (rows.length !== 1 || rows[0] === undefined) throw new Error(`Expected one row, got ${rows.length}: ${sql}`);
    return rows[0];
  }

  /** Waits until `group` has handled every event written so far that it subscribes to. */
  async caughtUp(group: ConsumerGroup): Promise<void> {
    await eventually(async () => {
      const row = await this.queryOne<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM outbox_events o
         WHERE o.type = ANY ($1) AND NOT EXISTS (SELECT 1 FROM inbox_events i WHERE i.consumer = $2 AND i.event_id = o.id)`,
        [[...CONSUMER_SUBSCRIPTIONS[group]], group],
      );
      return row.waiting === 0;
    });
  }

  async inboxCount(consumer: ConsumerGroup): Promise<number> {
    const row = await this.queryOne<{ count: string }>('SELECT count(*) FROM inbox_events WHERE consumer = $1', [consumer]);
    return Number(row.count);
  }

  /** Closes everything the file started, newest first; a failure to close fails the file. */
  async close(): Promise<void> {
    const failures: unknown[] = [];
    for (const close of this.closers.reverse()) await close().catch((error: unknown) => failures.push(error));
    await this.db.end();
    await this.database.drop();
    // On PostgreSQL the queues went with the database.
    if (this.queueBackend === 'redis') await removeRedisKeys(String(this.settings.REDIS_URL), `${String(this.settings.QUEUE_PREFIX)}:`);
    if (failures.length > 0) throw new AggregateError(failures, 'closing the test stack failed');
  }
}
