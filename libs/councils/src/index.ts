export { COUNCIL_KINDS, type CouncilKind, ENGLISH_REGIONS, type EnglishRegion } from './council.js';
export { type CouncilResponse, RegisterCouncilRequest } from './council.dto.js';
export { CouncilsModule } from './councils.module.js';
export { RegisterCouncilCommand } from './register-council.command.js';
