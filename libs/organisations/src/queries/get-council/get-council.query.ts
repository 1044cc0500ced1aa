import { Query } from '@nestjs/cqrs';
import type { CouncilResponse } from '../../http/council.dto.js';

export class GetCouncilQuery extends Query<CouncilResponse> {
  constructor(readonly id: string) {
    super();
  }
}
