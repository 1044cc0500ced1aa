import { randomBytes } from 'node:crypto';
import type { RegisterCouncilRequest, RegisterUniversityRequest } from '#libs/organisations';

const unique = () => randomBytes(3).toString('hex');

/** A valid request to register a university; each call names a different one. */
export function universityRequest(overrides: Partial<RegisterUniversityRequest> = {}): RegisterUniversityRequest {
  return { name: `University of Testshire ${unique()}`, shortName: 'UoT', website: 'https://www.testshire.ac.uk', ...overrides };
}

/** A valid request to register a council; each call names a different one. */
export function councilRequest(overrides: Partial<RegisterCouncilRequest> = {}): RegisterCouncilRequest {
  return { name: `Testshire County Council ${unique()}`, kind: 'county', region: 'east_of_england', ...overrides };
}

/** An instant `days` from now at `hour`:00 UTC, as the API takes it. */
export function inDays(days: number, hour = 10): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

/** A valid practitioner profile: a social worker with PEPS stage 1, free on weekdays. */
export function profileRequest(overrides: Record<string, unknown> = {}) {
  return {
    careerStage: 'social_worker',
    pepsStage: 1,
    specialisms: [],
    availability: { weekdays: [1, 2, 3, 4, 5], unavailable: [] },
    preferredFormats: ['in_person'],
    maxOpportunitiesPerTerm: 3,
    ...overrides,
  };
}

/** A valid teaching opportunity in `partnershipId`: one session in 30 days, applications closing in 20. */
export function opportunityRequest(partnershipId: string, overrides: Record<string, unknown> = {}) {
  return {
    partnershipId,
    type: 'teaching',
    title: 'Lecture',
    description: 'A lecture.',
    sessions: [{ startsAt: inDays(30), endsAt: inDays(30, 12), place: 'UEA' }],
    capacity: 2,
    requiredSpecialisms: [],
    minimumCareerStage: 'student',
    closesAt: inDays(20),
    contact: 'Host',
    ...overrides,
  };
}

/** The ISO weekday (1 Monday to 7 Sunday) at least `afterDays` from now, at `hour`:00 UTC. */
export function onWeekday(weekday: number, afterDays: number, hour = 10): string {
  const date = new Date(inDays(afterDays, hour));
  while (((date.getUTCDay() + 6) % 7) + 1 !== weekday) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}
