import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityApplicationResponse } from '../../http/application.dto.js';

/** An opportunity's applications with who sent each, for its hosts and the partnership's leads. */
export class OpportunityApplicationsQuery extends Query<OpportunityApplicationResponse[]> {
  constructor(
    readonly opportunityId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
