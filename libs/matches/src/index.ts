export { Match, MATCH_STATUSES, type MatchStatus } from './match.entity.js';
export { MatchesModule } from './matches.module.js';
export { MatchResponse } from './match.dto.js';
export { matchEvent, toMatchResponse } from './match.mapper.js';
