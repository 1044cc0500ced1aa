import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { PartnershipResponse } from '../../http/partnership.dto.js';

export class GetPartnershipQuery extends Query<PartnershipResponse> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
