import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { Caller } from '#libs/identity';
import type { AuditEntry, AuditParams } from '../../http/audit.dto.js';

export class GetAuditTrailQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly partnershipId: string,
    readonly params: AuditParams,
    readonly caller: Caller,
  ) {
    super();
  }
}
