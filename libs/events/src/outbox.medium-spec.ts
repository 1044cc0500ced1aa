import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import type { EventEnvelope } from './event-envelope.js';
import { appendToOutbox } from './outbox.js';

function registered(index: number): EventEnvelope<'university.registered'> {
  const id = randomUUID();
  return {
    id: randomUUID(),
    type: 'university.registered',
    version: 1,
    occurredAt: new Date(Date.UTC(2026, 11, 6, 12, 0, 0, index)).toISOString(),
    aggregateType: 'university',
    aggregateId: id,
    partnershipId: null,
    actorId: null,
    correlationId: `correlation-${index}`,
    payload: { universityId: id, name: `University ${index}`, shortName: null },
  };
}

describe('appending to the outbox', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 2 })).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('writes more events than one statement takes, each as it was given, in order', async () => {
    const events = Array.from({ length: 2_001 }, (_, index) => registered(index));
    await dataSource.transaction((manager) => appendToOutbox(manager, events));
    const rows = await dataSource.query<{ id: string; correlation_id: string; payload: { name: string }; occurred_at: Date }[]>(
      `SELECT id, correlation_id, payload, occurred_at FROM outbox_events ORDER BY position`,
    );
    expect(rows.map((row) => row.id)).toEqual(events.map((event) => event.id));
    expect(rows[2_000]).toMatchObject({ correlation_id: 'correlation-2000', payload: { name: 'University 2000' } });
    expect(rows[2_000]!.occurred_at.toISOString()).toBe(events[2_000]!.occurredAt);
  });

  it('writes none of a command’s events when one of them fails', async () => {
    const events = [registered(0), { ...registered(1), partnershipId: 'not a uuid' }];
    await expect(dataSource.transaction((manager) => appendToOutbox(manager, events))).rejects.toThrow();
    expect(await dataSource.query(`SELECT 1 FROM outbox_events WHERE id = $1`, [events[0]!.id])).toEqual([]);
  });
});
