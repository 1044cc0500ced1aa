import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#libs/http';
import type { PublicPartnershipResponse } from '../../http/partnership.dto.js';

/** The partnerships that list publicly, for anyone. */
export class FindPublicPartnershipsQuery extends Query<Page<PublicPartnershipResponse>> {
  constructor(readonly params: PageQuery) {
    super();
  }
}
