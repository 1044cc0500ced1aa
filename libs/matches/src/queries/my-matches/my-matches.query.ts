import { Query } from '@nestjs/cqrs';
import type { MatchResponse } from '../../http/match.dto.js';

/** A practitioner's own matches, newest first. */
export class MyMatchesQuery extends Query<MatchResponse[]> {
  constructor(readonly practitionerId: string) {
    super();
  }
}
