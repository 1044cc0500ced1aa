import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { PartnershipListParams, PartnershipResponse } from './partnership.dto.js';

export class FindPartnershipsQuery extends Query<Page<PartnershipResponse>> {
  constructor(readonly params: PartnershipListParams) {
    super();
  }
}

export class GetPartnershipQuery extends Query<PartnershipResponse> {
  constructor(readonly id: string) {
    super();
  }
}
