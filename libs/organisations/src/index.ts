export { RegisterUniversityCommand } from './commands/register-organisation/register-organisation.command.js';
export { RegisterCouncilRequest } from './http/council.dto.js';
export { RegisterUniversityRequest } from './http/university.dto.js';
export { OrganisationsModule } from './organisations.module.js';
