export { RegisterCouncilCommand } from './commands/register-council/register-council.command.js';
export { RegisterUniversityCommand } from './commands/register-university/register-university.command.js';
export { COUNCIL_KINDS, type CouncilKind, ENGLISH_REGIONS, type EnglishRegion } from './domain/council.js';
export { type CouncilResponse, RegisterCouncilRequest } from './http/council.dto.js';
export { RegisterUniversityRequest, type UniversityResponse } from './http/university.dto.js';
export { OrganisationsModule } from './organisations.module.js';
