export { type MatchCandidate, ProposeMatchCommand } from './commands/propose-match/propose-match.command.js';
export { MATCH_STATUSES, type MatchStatus } from './domain/match.js';
export { matchEvent } from './domain/match.events.js';
export { MatchResponse } from './http/match.dto.js';
export { toMatchResponse } from './http/match.mapper.js';
export { MatchesModule } from './matches.module.js';
export { Match } from './persistence/match.entity.js';
