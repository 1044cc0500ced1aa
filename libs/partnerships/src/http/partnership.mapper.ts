import { londonDateTime } from '#libs/http';
import type { Partnership } from '../persistence/partnership.entity.js';
import type { PartnershipSettings } from './partnership-settings.dto.js';
import type { PartnershipLeadResponse, PartnershipMemberResponse, PartnershipResponse, PublicPartnershipResponse } from './partnership.dto.js';

/** The one place a stored partnership becomes what the API shows; every field listed on purpose. */
export function toPartnershipResponse(
  partnership: Partnership,
  members: PartnershipMemberResponse[],
  leads: PartnershipLeadResponse[],
): PartnershipResponse {
  return {
    id: partnership.id,
    name: partnership.name,
    description: partnership.description,
    members,
    leads,
    formedAt: londonDateTime(partnership.createdAt),
  };
}

export function toPartnershipSettings(partnership: Partnership): PartnershipSettings {
  return { academicsMayProposeMatches: partnership.academicsMayProposeMatches, listsPublicly: partnership.listsPublicly };
}

/** A partnership as anyone may read it: only one that lists publicly, without its leads. */
export function toPublicPartnershipResponse({ leads: _leads, ...partnership }: PartnershipResponse): PublicPartnershipResponse {
  return partnership;
}
