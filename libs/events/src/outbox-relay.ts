import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CoreConfig } from '#libs/config';
import { PREPARED_SQL, withTransaction } from '#libs/database';
import { EventPublisher } from './event-publisher.js';
import { OutboxEventRow } from './outbox-event.entity.js';
import { envelopeOf, type OutboxRecord } from './outbox.js';

const MAX_BACKOFF_MS = 5_000;

/**
 * Claims the oldest undispatched rows and marks them dispatched in one statement, locked so that a
 * relay beside this one skips them. The mark commits only once the rows are on the queues: a failed
 * publish rolls it back. One array parameter rather than one a row keeps the statement's text the
 * same whatever the batch's size.
 */
const CLAIM_BATCH = `${PREPARED_SQL}
  WITH claimed AS (
    SELECT id, position FROM outbox_events WHERE dispatched_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED
  ), marked AS (
    UPDATE outbox_events o SET dispatched_at = now(), dispatch_attempts = o.dispatch_attempts + 1, last_error = NULL
      FROM claimed WHERE o.id = claimed.id
    RETURNING o.id, o.type, o.version, o.occurred_at, o.aggregate_type, o.aggregate_id, o.partnership_id, o.actor_id,
              o.correlation_id, o.payload, claimed.position
  )
  SELECT id, type, version, occurred_at AS "occurredAt", aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
         partnership_id AS "partnershipId", actor_id AS "actorId", correlation_id AS "correlationId", payload
    FROM marked ORDER BY position`;

class DispatchFailed extends Error {
  constructor(
    readonly eventIds: string[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Moves committed outbox rows to the event queues and marks them dispatched. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so any number of relays can run side by side without sending a row twice.
 * It wakes on NOTIFY from the outbox trigger, polls as a fallback, and backs off while Redis is away;
 * events simply wait in the outbox until it is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: pg.Client | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private failures = 0;
  private listenerFailures = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly config: CoreConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_INTERVAL_MS);
    this.wake();
  }

  /**
   * Finishes the batch in progress and sends what the last requests committed, while the database
   * and queues are still open. Anything committed later waits in the outbox for the next relay.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    await this.running;
    if (this.failures === 0) await this.dispatchBatch().catch((error: Error) => this.logger.warn(`Last dispatch before stopping failed: ${error.message}`));
    await this.listener?.end().catch(() => undefined);
  }

  /** Runs a drain now, or right after the one in progress. */
  wake(): void {
    if (this.stopped || this.retryTimer) return;
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
      while (!this.stopped && (await this.dispatchBatch()) === this.config.OUTBOX_BATCH_SIZE);
      if (this.failures > 0) this.logger.log(`Event queues reachable again after ${this.failures} failed attempts`);
      this.failures = 0;
    } catch (error) {
      await this.recordFailure(error);
    }
  }

  private async dispatchBatch(): Promise<number> {
    return withTransaction(this.dataSource, async (transaction) => {
      // Plain SQL on the driver on the relay's hot path: the rows go straight out as envelopes, so
      // TypeORM's query building, entity hydration and statement wrapper bought nothing but time and
      // garbage on every batch, which at a low rate is every event.
      const rows = await transaction.query<OutboxRecord>(CLAIM_BATCH, [this.config.OUTBOX_BATCH_SIZE]);
      if (rows.length === 0) return 0;
      try {
        await this.publisher.publish(rows.map(envelopeOf));
      } catch (error) {
        throw new DispatchFailed(rows.map((row) => row.id), error);
      }
      return rows.length;
    });
  }

  private async recordFailure(error: unknown): Promise<void> {
    this.failures += 1;
    const delay = Math.min(100 * 2 ** this.failures, MAX_BACKOFF_MS);
    if (this.failures === 1 || delay === MAX_BACKOFF_MS) {
      this.logger.warn(`Outbox dispatch failed (attempt ${this.failures}), retrying in ${delay} ms: ${(error as Error).message}`);
    }
    if (error instanceof DispatchFailed) {
      await this.dataSource
        .createQueryBuilder()
        .update(OutboxEventRow)
        .set({ dispatchAttempts: () => 'dispatch_attempts + 1', lastError: error.message.slice(0, 1000) })
        .whereInIds(error.eventIds)
        .execute()
        .catch(() => undefined);
    }
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.wake();
    }, delay);
  }

  /** LISTENs for commits to the outbox on a connection of its own; while it is lost, the poll carries on. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const listener = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'tpm-outbox-relay',
      connectionTimeoutMillis: 5000,
    });
    this.listener = listener;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.stopped) return;
      lost = true;
      this.listener = undefined;
      void listener.end().catch(() => undefined);
      this.listenerFailures += 1;
      if (this.listenerFailures === 1) {
        this.logger.warn(`Outbox listener lost (${error?.message ?? 'connection ended'}); polling until it is back`);
      }
      const delay = Math.min(500 * 2 ** this.listenerFailures, 30_000);
      setTimeout(() => void this.listen(), delay).unref();
    };
    listener.on('notification', () => this.wake());
    listener.on('error', onLost);
    listener.on('end', () => onLost());
    try {
      await listener.connect();
      await listener.query('LISTEN outbox_events');
      if (this.listenerFailures > 0) this.logger.log('Outbox listener back');
      this.listenerFailures = 0;
      this.wake();
    } catch (error) {
      onLost(error as Error);
    }
  }
}
