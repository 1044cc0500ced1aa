import { Query } from '@nestjs/cqrs';
import type { CouncilResponse } from '../../http/council.dto.js';
import type { UniversityResponse } from '../../http/university.dto.js';
import { COUNCILS } from '../../persistence/councils.js';
import type { Organisation } from '../../persistence/organisation.entity.js';
import type { OrganisationType } from '../../persistence/organisation-type.js';
import { UNIVERSITIES } from '../../persistence/universities.js';

export class GetOrganisationQuery<Shown> extends Query<Shown> {
  constructor(
    readonly type: OrganisationType<Organisation, never, Shown, never>,
    readonly id: string,
  ) {
    super();
  }
}

// The bus finds a query's handler through its class's prototype chain: both go to GetOrganisationHandler.
export class GetUniversityQuery extends GetOrganisationQuery<UniversityResponse> {
  constructor(id: string) {
    super(UNIVERSITIES, id);
  }
}

export class GetCouncilQuery extends GetOrganisationQuery<CouncilResponse> {
  constructor(id: string) {
    super(COUNCILS, id);
  }
}
