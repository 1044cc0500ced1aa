import type { DataSource, EntityManager } from 'typeorm';
import { withTransaction } from '#libs/database';
import type { EventEnvelope } from './event-envelope.js';
import type { OutboxEventRow } from './outbox-event.entity.js';

/** What runs the outbox's statements: a transaction's manager, or the transaction's connection itself. */
interface Statements {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

/**
 * Records events in the outbox. Call it with the transaction of the command that caused them (its
 * manager will do), so the change and its events commit together or not at all. Plain SQL, so a
 * worker that loads no entities can emit events too.
 */
export async function appendToOutbox(transaction: Statements, events: readonly EventEnvelope[]): Promise<void> {
  for (let first = 0; first < events.length; first += EVENTS_A_STATEMENT) {
    await insertOutboxRows(transaction, events.slice(first, first + EVENTS_A_STATEMENT));
  }
}

/** Well under PostgreSQL's 65,535 parameters a statement at 10 an event. */
const EVENTS_A_STATEMENT = 1000;

/**
 * A row of parameters an event, which PostgreSQL takes as they are, rather than one JSON document of
 * them all that it would parse and take apart again: most commands have one event.
 */
async function insertOutboxRows(transaction: Statements, events: readonly EventEnvelope[]): Promise<void> {
  const rows: string[] = [];
  const parameters: unknown[] = [];
  for (const event of events) {
    const at = parameters.length;
    rows.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}, $${at + 9}, $${at + 10})`);
    parameters.push(
      event.id,
      event.type,
      event.version,
      event.occurredAt,
      event.aggregateType,
      event.aggregateId,
      event.partnershipId,
      event.actorId,
      event.correlationId,
      JSON.stringify(event.payload),
    );
  }
  await transaction.query(
    `INSERT INTO outbox_events (id, type, version, occurred_at, aggregate_type, aggregate_id, partnership_id, actor_id, correlation_id, payload)
     VALUES ${rows.join(', ')}`,
    parameters,
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
 * events commit together or not at all. The work has the transaction's manager; the transaction
 * and the outbox rows go straight to the driver, as every command pays for them.
 */
export function transactionWithEvents<T>(
  dataSource: DataSource,
  work: (transaction: EntityManager) => Promise<{ result: T; events: readonly EventEnvelope[] }>,
): Promise<T> {
  return withTransaction(dataSource, async (transaction) => {
    const { result, events } = await work(transaction.manager);
    await appendToOutbox(transaction, events);
    return result;
  });
}
