import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { AuditActor } from '../../http/audit.dto.js';

export class GetAuditPeopleQuery extends Query<AuditActor[]> {
  constructor(
    readonly partnershipId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
