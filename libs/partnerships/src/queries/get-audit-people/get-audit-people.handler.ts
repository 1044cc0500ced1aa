import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditActor } from '../../http/audit.dto.js';
import { assertMayReadAudit } from '../../persistence/audit-access.js';
import { GetAuditPeopleQuery } from './get-audit-people.query.js';

/** Everyone who appears in the trail as the one who made a change, by name (the service itself is no one). */
@QueryHandler(GetAuditPeopleQuery)
export class GetAuditPeopleHandler implements IQueryHandler<GetAuditPeopleQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ partnershipId, caller }: GetAuditPeopleQuery): Promise<AuditActor[]> {
    await assertMayReadAudit(this.dataSource.manager, partnershipId, caller);
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName" FROM users u
        WHERE EXISTS (SELECT 1 FROM outbox_events e WHERE e.partnership_id = $1 AND e.actor_id = u.id)
        ORDER BY u.display_name, u.id`,
      [partnershipId],
    );
  }
}
