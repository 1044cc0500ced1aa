import type { EntityManager } from 'typeorm';
import { cursorKey, londonDateTime, type Page, pageOf } from '#libs/http';
import type { AuditEntry, AuditParams } from './http/audit.dto.js';

interface AuditRow {
  position: string;
  id: string;
  type: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  aggregate_type: string;
  aggregate_id: string;
  payload: object;
  correlation_id: string;
}

/**
 * Who did what to which record, when: read from the domain events, which every command writes in
 * the transaction of its change, so the trail can never disagree with what happened. Newest first.
 */
export async function auditTrail(manager: EntityManager, partnershipId: string, params: AuditParams): Promise<Page<AuditEntry>> {
  const conditions = ['e.partnership_id = $1'];
  const values: unknown[] = [partnershipId];
  if (params.type) {
    values.push(params.type, `${params.type}.%`);
    conditions.push(`(e.type = $${values.length - 1} OR e.type LIKE $${values.length})`);
  }
  if (params.actorId) {
    values.push(params.actorId);
    conditions.push(`e.actor_id = $${values.length}`);
  }
  if (params.recordId) {
    values.push(params.recordId);
    conditions.push(`e.aggregate_id = $${values.length}`);
  }
  const after = cursorKey(params.cursor, 1, ([position]) => /^\d{1,18}$/.test(position!));
  if (after) {
    values.push(after[0]);
    conditions.push(`e.position < $${values.length}`);
  }
  values.push(params.limit + 1);
  const rows: AuditRow[] = await manager.query(
    `SELECT e.position, e.id, e.type, e.occurred_at, e.actor_id, u.display_name AS actor_name, e.aggregate_type, e.aggregate_id, e.payload, e.correlation_id
       FROM outbox_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE ${conditions.join(' AND ')}
      ORDER BY e.position DESC
      LIMIT $${values.length}`,
    values,
  );
  return pageOf(
    rows,
    params.limit,
    (row) => ({
      eventId: row.id,
      type: row.type,
      occurredAt: londonDateTime(row.occurred_at),
      actorId: row.actor_id,
      actorName: row.actor_name,
      recordType: row.aggregate_type,
      recordId: row.aggregate_id,
      details: row.payload,
      correlationId: row.correlation_id,
    }),
    (row) => [String(row.position)],
  );
}

/** Everyone who appears in the trail as the one who made a change, by name (the service itself is no one). */
export function auditActors(manager: EntityManager, partnershipId: string): Promise<{ id: string; displayName: string }[]> {
  return manager.query(
    `SELECT u.id, u.display_name AS "displayName" FROM users u
      WHERE EXISTS (SELECT 1 FROM outbox_events e WHERE e.partnership_id = $1 AND e.actor_id = u.id)
      ORDER BY u.display_name, u.id`,
    [partnershipId],
  );
}
