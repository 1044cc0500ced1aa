import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { CouncilListParams, CouncilResponse } from '../../http/council.dto.js';
import type { UniversityListParams, UniversityResponse } from '../../http/university.dto.js';
import { COUNCILS } from '../../persistence/councils.js';
import type { Organisation } from '../../persistence/organisation.entity.js';
import type { OrganisationFilters, OrganisationType } from '../../persistence/organisation-type.js';
import { UNIVERSITIES } from '../../persistence/universities.js';

export class FindOrganisationsQuery<Filters extends OrganisationFilters, Shown> extends Query<Page<Shown>> {
  constructor(
    readonly type: OrganisationType<Organisation, never, Shown, Filters>,
    readonly params: Filters,
  ) {
    super();
  }
}

// The bus finds a query's handler through its class's prototype chain: both go to FindOrganisationsHandler.
export class FindUniversitiesQuery extends FindOrganisationsQuery<UniversityListParams, UniversityResponse> {
  constructor(params: UniversityListParams) {
    super(UNIVERSITIES, params);
  }
}

export class FindCouncilsQuery extends FindOrganisationsQuery<CouncilListParams, CouncilResponse> {
  constructor(params: CouncilListParams) {
    super(COUNCILS, params);
  }
}
