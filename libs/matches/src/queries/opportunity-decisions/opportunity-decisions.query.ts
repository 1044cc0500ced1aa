import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityDecisions } from '../../http/decisions.dto.js';

/** An opportunity's applications, each with the match made from it, and all its matches, with who each is about. */
export class OpportunityDecisionsQuery extends Query<OpportunityDecisions> {
  constructor(
    readonly opportunityId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
