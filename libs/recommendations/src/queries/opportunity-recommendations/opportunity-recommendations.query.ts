import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityRecommendationResponse } from '../../http/recommendation.dto.js';

/** An opportunity's recommended practitioners, best first, for its hosts and the partnership's leads. */
export class OpportunityRecommendationsQuery extends Query<OpportunityRecommendationResponse[]> {
  constructor(
    readonly opportunityId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
