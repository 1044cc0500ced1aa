import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { Caller } from '#libs/identity';
import type { PartnershipListParams, PartnershipResponse } from '../../http/partnership.dto.js';

export class FindPartnershipsQuery extends Query<Page<PartnershipResponse>> {
  constructor(
    readonly params: PartnershipListParams,
    readonly caller: Caller,
  ) {
    super();
  }
}
