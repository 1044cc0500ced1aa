import { randomBytes } from 'node:crypto';
import type { RegisterCouncilRequest } from '#libs/councils';
import type { RegisterUniversityRequest } from '#libs/universities';

const unique = () => randomBytes(3).toString('hex');

/** A valid request to register a university; each call names a different one. */
export function universityRequest(overrides: Partial<RegisterUniversityRequest> = {}): RegisterUniversityRequest {
  return { name: `University of Testshire ${unique()}`, shortName: 'UoT', website: 'https://www.testshire.ac.uk', ...overrides };
}

/** A valid request to register a council; each call names a different one. */
export function councilRequest(overrides: Partial<RegisterCouncilRequest> = {}): RegisterCouncilRequest {
  return { name: `Testshire County Council ${unique()}`, kind: 'county', region: 'east_of_england', ...overrides };
}
