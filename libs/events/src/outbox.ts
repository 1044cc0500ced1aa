import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from './event-envelope.js';
import type { OutboxEventRow } from './outbox-event.entity.js';

/**
 * Records events in the outbox. Call it with the transaction's manager of the command that
 * caused them, so the change and its events commit together or not at all. Plain SQL, so a worker
 * that loads no entities can emit events too.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, partnership_id, actor_id, correlation_id, payload)
     SELECT id, type, version, "occurredAt", "aggregateType", "aggregateId", "partnershipId", "actorId", "correlationId", payload
     FROM jsonb_to_recordset($1::jsonb) AS event (id uuid, type text, version integer, "occurredAt" timestamptz, "aggregateType" text,
          "aggregateId" text, "partnershipId" uuid, "actorId" uuid, "correlationId" text, payload jsonb)`,
    [JSON.stringify(events)],
  );
}

/** What an envelope is rebuilt from: an entity, or a plain row selected under the same property names. */
export type OutboxRecord = Pick<
  OutboxEventRow,
  'id' | 'type' | 'version' | 'occurredAt' | 'aggregateType' | 'aggregateId' | 'partnershipId' | 'actorId' | 'correlationId' | 'payload'
>;

/** A stored row as the envelope it was written from; its type and payload were checked when it was. */
export function envelopeOf(row: OutboxRecord): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurredAt: row.occurredAt.toISOString(),
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    partnershipId: row.partnershipId,
    actorId: row.actorId,
    correlationId: row.correlationId,
    payload: row.payload,
  } as EventEnvelope;
}

/**
 * Runs a command's `work` in one transaction with the events it returns: the change and its
 * events commit together or not at all.
 */
export function transactionWithEvents<T>(
  dataSource: DataSource,
  work: (transaction: EntityManager) => Promise<{ result: T; events: readonly EventEnvelope[] }>,
): Promise<T> {
  return dataSource.transaction(async (transaction) => {
    const { result, events } = await work(transaction);
    await appendToOutbox(transaction, events);
    return result;
  });
}
