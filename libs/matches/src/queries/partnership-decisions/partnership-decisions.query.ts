import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { PartnershipDecisions } from '../../http/decisions.dto.js';

/**
 * What waits for a partnership's leads: matches to approve or reject, applications nobody has
 * proposed or turned down yet, and open opportunities closing within 14 days with places left.
 */
export class PartnershipDecisionsQuery extends Query<PartnershipDecisions> {
  constructor(
    readonly partnershipId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
