import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityMatchResponse } from '../../http/match.dto.js';

/** An opportunity's matches with who each is, for its hosts and the partnership's leads. */
export class OpportunityMatchesQuery extends Query<OpportunityMatchResponse[]> {
  constructor(
    readonly opportunityId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
