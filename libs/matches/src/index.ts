export { ProposeMatchCommand } from './commands/propose-match/propose-match.command.js';
export { MatchResponse } from './http/match.dto.js';
export { MatchesModule } from './matches.module.js';
