export { Match, MATCH_STATUSES, type MatchStatus } from './match.entity.js';
export { MatchesModule } from './matches.module.js';
