import { domainEvent } from '#libs/events';
import type { RegisterUniversityRequest, UniversityListParams, UniversityResponse } from '../http/university.dto.js';
import { toUniversityResponse } from '../http/university.mapper.js';
import type { OrganisationType } from './organisation-type.js';
import { University } from './university.entity.js';

export const UNIVERSITIES: OrganisationType<University, RegisterUniversityRequest, UniversityResponse, UniversityListParams> = {
  noun: 'university',
  entity: University,
  uniqueName: 'universities_name_key',
  columnsOf: (request) => ({ name: request.name, shortName: request.shortName ?? null, website: request.website ?? null }),
  registered: (university, actorId) =>
    domainEvent('university.registered', {
      aggregateId: university.id,
      actorId,
      payload: { universityId: university.id, name: university.name, shortName: university.shortName },
    }),
  show: toUniversityResponse,
};
