import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityListParams } from '../../http/find-opportunities.params.js';
import type { OpportunityPage } from '../../http/opportunity.dto.js';

export class FindOpportunitiesQuery extends Query<OpportunityPage> {
  constructor(
    readonly params: OpportunityListParams,
    readonly caller: Caller,
  ) {
    super();
  }
}
