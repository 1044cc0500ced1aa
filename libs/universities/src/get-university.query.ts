import { Query } from '@nestjs/cqrs';
import type { UniversityResponse } from './university.dto.js';

export class GetUniversityQuery extends Query<UniversityResponse> {
  constructor(readonly id: string) {
    super();
  }
}
