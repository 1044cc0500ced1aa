import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { Caller } from '#libs/identity';
import type { MyRecommendationResponse } from '../../http/recommendation.dto.js';

/** A practitioner's recommendations for opportunities still open in their partnerships, best first, a page at a time. */
export class MyRecommendationsQuery extends Query<Page<MyRecommendationResponse>> {
  constructor(
    readonly practitioner: Caller,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
