import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from './event-envelope.js';
import { OutboxEventRow } from './outbox-event.entity.js';

/**
 * Records events in the outbox. Call it with the transaction's manager of the command that
 * caused them, so the change and its events commit together or not at all.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  await manager.insert(
    OutboxEventRow,
    events.map((event) => ({
      id: event.id,
      type: event.type,
      version: event.version,
      occurredAt: new Date(event.occurredAt),
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      partnershipId: event.partnershipId,
      actorId: event.actorId,
      correlationId: event.correlationId,
      payload: event.payload,
    })),
  );
}

export function envelopeOf(row: OutboxEventRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type as EventEnvelope['type'],
    version: row.version,
    occurredAt: row.occurredAt.toISOString(),
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    partnershipId: row.partnershipId,
    actorId: row.actorId,
    correlationId: row.correlationId,
    payload: row.payload as EventEnvelope['payload'],
  };
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
