import { Command } from '@nestjs/cqrs';
import type { CouncilResponse, RegisterCouncilRequest } from '../../http/council.dto.js';
import type { RegisterUniversityRequest, UniversityResponse } from '../../http/university.dto.js';
import { COUNCILS } from '../../persistence/councils.js';
import type { Organisation } from '../../persistence/organisation.entity.js';
import type { OrganisationFilters, OrganisationType } from '../../persistence/organisation-type.js';
import { UNIVERSITIES } from '../../persistence/universities.js';

export class RegisterOrganisationCommand<Registration extends { name: string }, Shown> extends Command<Shown> {
  constructor(
    readonly type: OrganisationType<Organisation, Registration, Shown, OrganisationFilters>,
    readonly request: Registration,
    readonly actorId: string | null = null,
  ) {
    super();
  }
}

// The bus finds a command's handler through its class's prototype chain: both go to RegisterOrganisationHandler.
export class RegisterUniversityCommand extends RegisterOrganisationCommand<RegisterUniversityRequest, UniversityResponse> {
  constructor(request: RegisterUniversityRequest, actorId: string | null = null) {
    super(UNIVERSITIES, request, actorId);
  }
}

export class RegisterCouncilCommand extends RegisterOrganisationCommand<RegisterCouncilRequest, CouncilResponse> {
  constructor(request: RegisterCouncilRequest, actorId: string | null = null) {
    super(COUNCILS, request, actorId);
  }
}
