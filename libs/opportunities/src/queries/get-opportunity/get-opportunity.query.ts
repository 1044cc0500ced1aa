import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';

/** One opportunity the caller may see; for a practitioner, with whether they may apply. */
export class GetOpportunityQuery extends Query<OpportunityResponse> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
