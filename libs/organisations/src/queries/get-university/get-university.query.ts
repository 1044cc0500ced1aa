import { Query } from '@nestjs/cqrs';
import type { UniversityResponse } from '../../http/university.dto.js';

export class GetUniversityQuery extends Query<UniversityResponse> {
  constructor(readonly id: string) {
    super();
  }
}
