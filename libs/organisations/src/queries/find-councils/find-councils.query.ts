import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { CouncilListParams, CouncilResponse } from '../../http/council.dto.js';

export class FindCouncilsQuery extends Query<Page<CouncilResponse>> {
  constructor(readonly params: CouncilListParams) {
    super();
  }
}
