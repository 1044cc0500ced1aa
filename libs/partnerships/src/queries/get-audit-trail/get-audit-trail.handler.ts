import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cursorKey, londonDateTime, type Page, pageOf } from '#libs/http';
import type { AuditEntry } from '../../http/audit.dto.js';
import { assertMayReadAudit } from '../../persistence/audit-access.js';
import { GetAuditTrailQuery } from './get-audit-trail.query.js';

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
@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ partnershipId, params, caller }: GetAuditTrailQuery): Promise<Page<AuditEntry>> {
    await assertMayReadAudit(this.dataSource.manager, partnershipId, caller);
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
    const rows: AuditRow[] = await this.dataSource.query(
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
}
