import { Query } from '@nestjs/cqrs';
import type { Page, PageQuery } from '#libs/http';
import type { PublicOpportunityResponse } from '../../http/public-opportunity.dto.js';

/** The open opportunities of a partnership that lists publicly, soonest first. */
export class FindPublicOpportunitiesQuery extends Query<Page<PublicOpportunityResponse>> {
  constructor(
    readonly partnershipId: string,
    readonly params: PageQuery,
  ) {
    super();
  }
}
