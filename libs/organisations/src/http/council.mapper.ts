import { londonDateTime } from '#libs/http';
import type { Council } from '../persistence/council.entity.js';
import type { CouncilResponse } from './council.dto.js';

/** The one place a stored council becomes what the API shows; every field listed on purpose. */
export function toCouncilResponse(council: Council): CouncilResponse {
  return {
    id: council.id,
    name: council.name,
    kind: council.kind,
    region: council.region,
    registeredAt: londonDateTime(council.createdAt),
  };
}
