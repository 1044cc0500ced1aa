import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#libs/http';
import type { Caller } from '#libs/identity';
import type { PartnershipListParams, PartnershipResponse, PublicPartnershipResponse } from './http/partnership.dto.js';

export class FindPartnershipsQuery extends Query<Page<PartnershipResponse>> {
  constructor(
    readonly params: PartnershipListParams,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class GetPartnershipQuery extends Query<PartnershipResponse> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

/** The partnerships that list publicly, for anyone. */
export class FindPublicPartnershipsQuery extends Query<Page<PublicPartnershipResponse>> {
  constructor(readonly params: PageQuery) {
    super();
  }
}

export class GetPublicPartnershipQuery extends Query<PublicPartnershipResponse> {
  constructor(readonly id: string) {
    super();
  }
}
