import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { withTimeout } from '#libs/observability';

/** A scrape must answer while PostgreSQL is away: the outbox gets this long, then shows nothing. */
const READ_TIMEOUT_MS = 2000;

/**
 * How far the relay is behind: the events not yet on the queues, and how long the oldest has
 * waited (the outbox lag), read from the outbox when scraped.
 */
@Injectable()
export class OutboxMetrics {
  private reading: Promise<void> | undefined;
  private readonly lag: Gauge;
  private readonly waiting: Gauge;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() registry?: Registry,
  ) {
    const registers = registry ? [registry] : [];
    this.lag = new Gauge({
      name: 'outbox_lag_seconds',
      help: 'Age of the oldest event in the outbox not yet dispatched to the queues (0 when none waits); read when scraped',
      registers,
      collect: () => this.read(),
    });
    this.waiting = new Gauge({
      name: 'outbox_undispatched_events',
      help: 'Events in the outbox not yet dispatched to the queues; read when scraped',
      registers,
      collect: () => this.read(),
    });
  }

  /** One read a scrape, shared by both gauges. */
  private read(): Promise<void> {
    this.reading ??= this.readOutbox().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readOutbox(): Promise<void> {
    try {
      // The oldest by position, through the index of pending events, rather than a scan for min(occurred_at).
      const [row]: { waiting: string; age: number | null }[] = await withTimeout(
        this.dataSource.query(
          `SELECT (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL) AS waiting,
                  (SELECT EXTRACT(EPOCH FROM now() - occurred_at)::float8 FROM outbox_events WHERE dispatched_at IS NULL ORDER BY position LIMIT 1) AS age`,
        ),
        READ_TIMEOUT_MS,
        'reading the outbox',
      );
      this.waiting.set(Number(row?.waiting ?? 0));
      this.lag.set(Math.max(0, row?.age ?? 0));
    } catch {
      // Unknown, not zero: a database that does not answer is no empty outbox.
      this.waiting.set(Number.NaN);
      this.lag.set(Number.NaN);
    }
  }
}
