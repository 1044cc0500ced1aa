import { Query } from '@nestjs/cqrs';
import type { CouncilResponse } from './council.dto.js';

export class GetCouncilQuery extends Query<CouncilResponse> {
  constructor(readonly id: string) {
    super();
  }
}
