import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreConfig, loadConfig, TypedConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { eventually, ServiceSlice } from '#libs/testing';
import type { EventEnvelope } from './event-envelope.js';
import { OutboxRelayModule } from './outbox-relay.module.js';

@Module({})
class RelayOnlyModule {
  static forRoot(config: CoreConfig): DynamicModule {
    return { module: RelayOnlyModule, imports: [TypedConfigModule.forRoot(config), DatabaseModule.forRoot(), OutboxRelayModule] };
  }
}

/** An event both consumer groups subscribe to. */
function publishedEvent(): EventEnvelope<'opportunity.published'> {
  const id = randomUUID();
  const partnershipId = randomUUID();
  return {
    id: randomUUID(),
    type: 'opportunity.published',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'opportunity',
    aggregateId: id,
    partnershipId,
    actorId: null,
    correlationId: randomUUID(),
    payload: { opportunityId: id, partnershipId, type: 'teaching', title: `Lecture ${id}`, status: 'published' },
  };
}

/** An event no consumer group subscribes to. */
function registeredEvent(): EventEnvelope<'university.registered'> {
  const id = randomUUID();
  return {
    id: randomUUID(),
    type: 'university.registered',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'university',
    aggregateId: id,
    partnershipId: null,
    actorId: null,
    correlationId: randomUUID(),
    payload: { universityId: id, name: `University ${id}`, shortName: null },
  };
}

const columns = (event: EventEnvelope) => [event.id, event.type, event.occurredAt, event.aggregateType, event.aggregateId, event.partnershipId, event.correlationId, JSON.stringify(event.payload)];

describe('several outbox relays at once', () => {
  let stack: ServiceSlice;
  const relays: INestApplicationContext[] = [];

  beforeAll(async () => {
    stack = await ServiceSlice.create({ OUTBOX_BATCH_SIZE: 25 });
  });
  afterAll(async () => {
    for (const relay of relays) await relay.close();
    await stack.close();
  });

  it('dispatch every event exactly once between them (each row claimed once), to the groups that subscribe to it', async () => {
    // The relays are running before the events commit, so they compete for them.
    const config = loadConfig(CoreConfig, stack.settings);
    for (let i = 0; i < 3; i++) {
      const relay = await NestFactory.createApplicationContext(RelayOnlyModule.forRoot(config), { logger: false });
      await relay.init();
      relays.push(relay);
    }

    const events = Array.from({ length: 600 }, publishedEvent);
    const unsubscribed = Array.from({ length: 20 }, registeredEvent);
    const all = [...events, ...unsubscribed];
    for (let i = 0; i < all.length; i += 100) {
      const batch = all.slice(i, i + 100);
      const values = batch.map((_, n) => `(${[1, 2, 3, 4, 5, 6, 7].map((k) => `$${n * 8 + k}`).join(', ')}, $${n * 8 + 8}::jsonb, 1)`);
      await stack.query(
        `INSERT INTO outbox_events (id, type, occurred_at, aggregate_type, aggregate_id, partnership_id, correlation_id, payload, version) VALUES ${values.join(',')}`,
        batch.flatMap(columns),
      );
    }

    await eventually(async () => {
      const [row] = await stack.query<{ count: string }>('SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL');
      expect(Number(row!.count)).toBe(0);
    }, { timeoutMs: 30_000 });

    const attempts = await stack.query<{ dispatch_attempts: number; count: string }>(
      'SELECT dispatch_attempts, count(*) FROM outbox_events GROUP BY dispatch_attempts',
    );
    expect(attempts).toEqual([{ dispatch_attempts: 1, count: '620' }]);
    for (const group of ['matching', 'notification'] as const) {
      expect(await stack.queue(group).getWaitingCount()).toBe(600);
      expect(await stack.queue(group).getJob(unsubscribed[7]!.id)).toBeUndefined();
    }
    const job = await stack.queue('matching').getJob(events[123]!.id);
    expect(job?.data).toEqual(events[123]);
  });

  it('sends what is committed before it stops, even when no wake-up came', async () => {
    const quiet = await ServiceSlice.create({ OUTBOX_POLL_INTERVAL_MS: 60_000 });
    try {
      const relay = await NestFactory.createApplicationContext(RelayOnlyModule.forRoot(loadConfig(CoreConfig, quiet.settings)), { logger: false });
      await relay.init();
      // No NOTIFY and no poll before the stop: only the relay's last dispatch can send it.
      await quiet.query('ALTER TABLE outbox_events DISABLE TRIGGER outbox_events_notify');
      const event = publishedEvent();
      await quiet.query(
        `INSERT INTO outbox_events (id, type, occurred_at, aggregate_type, aggregate_id, partnership_id, correlation_id, payload, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 1)`,
        columns(event),
      );
      await relay.close();

      const [row] = await quiet.query<{ dispatched_at: Date | null }>('SELECT dispatched_at FROM outbox_events WHERE id = $1', [event.id]);
      expect(row!.dispatched_at).toBeInstanceOf(Date);
      expect(await quiet.queue('matching').getJobState(event.id)).toBe('waiting');
    } finally {
      await quiet.close();
    }
  });
});
