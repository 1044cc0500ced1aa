import { domainEvent } from '#libs/events';
import type { CouncilListParams, CouncilResponse, RegisterCouncilRequest } from '../http/council.dto.js';
import { toCouncilResponse } from '../http/council.mapper.js';
import { Council } from './council.entity.js';
import type { OrganisationType } from './organisation-type.js';

export const COUNCILS: OrganisationType<Council, RegisterCouncilRequest, CouncilResponse, CouncilListParams> = {
  noun: 'council',
  entity: Council,
  uniqueName: 'councils_name_key',
  columnsOf: (request) => ({ name: request.name, kind: request.kind, region: request.region }),
  registered: (council, actorId) =>
    domainEvent('council.registered', {
      aggregateId: council.id,
      actorId,
      payload: { councilId: council.id, name: council.name, kind: council.kind, region: council.region },
    }),
  filter: (query, params) => {
    if (params.region) query.andWhere('council.region = :region', { region: params.region });
    if (params.kind) query.andWhere('council.kind = :kind', { kind: params.kind });
  },
  show: toCouncilResponse,
};
