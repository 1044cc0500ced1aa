import { londonDateTime } from '#libs/http';
import type { PractitionerProfile } from '../persistence/practitioner-profile.entity.js';
import type { PractitionerProfileResponse } from './profile.dto.js';

/** The one place a stored profile becomes what the API shows; every field listed on purpose. */
export function toProfileResponse(profile: PractitionerProfile): PractitionerProfileResponse {
  return {
    careerStage: profile.careerStage,
    pepsStage: profile.pepsStage,
    yearsQualified: profile.yearsQualified ?? undefined,
    specialisms: profile.specialisms,
    availability: { weekdays: profile.availableWeekdays, unavailable: profile.unavailablePeriods },
    preferredFormats: profile.preferredFormats,
    maxOpportunitiesPerTerm: profile.maxOpportunitiesPerTerm,
    updatedAt: londonDateTime(profile.updatedAt),
  };
}
