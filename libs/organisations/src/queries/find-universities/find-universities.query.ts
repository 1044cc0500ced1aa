import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { UniversityListParams, UniversityResponse } from '../../http/university.dto.js';

export class FindUniversitiesQuery extends Query<Page<UniversityResponse>> {
  constructor(readonly params: UniversityListParams) {
    super();
  }
}
