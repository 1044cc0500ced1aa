import { londonDateTime } from '#libs/http';
import type { University } from '../persistence/university.entity.js';
import type { UniversityResponse } from './university.dto.js';

/** The one place a stored university becomes what the API shows; every field listed on purpose. */
export function toUniversityResponse(university: University): UniversityResponse {
  return {
    id: university.id,
    name: university.name,
    shortName: university.shortName,
    website: university.website,
    registeredAt: londonDateTime(university.createdAt),
  };
}
