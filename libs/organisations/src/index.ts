export { RegisterCouncilCommand, RegisterUniversityCommand } from './commands/register-organisation/register-organisation.command.js';
export { COUNCIL_KINDS, type CouncilKind, ENGLISH_REGIONS, type EnglishRegion } from './domain/council.js';
export { type CouncilResponse, RegisterCouncilRequest } from './http/council.dto.js';
export { RegisterUniversityRequest, type UniversityResponse } from './http/university.dto.js';
export { OrganisationsModule } from './organisations.module.js';
