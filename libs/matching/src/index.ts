// Matching's core, shared by the worker that keeps recommendations and the API that reads them.
// Its module holds only the worker's reactions: importing it registers no entities with a process's connection.
export { type Factors, scoreOf } from './domain/scoring.js';
export { MatchingConfig } from './matching.config.js';
export { MatchingModule } from './matching.module.js';
export { BEST_FITS_SQL, NOBODY_HOLDS_ALL_SQL, RANK_OPPORTUNITIES_SQL, RANK_PRACTITIONERS_SQL, rankingParameters } from './persistence/ranking.sql.js';
export { bestFits, planForBestFits, planForRanking, recommendForOpportunity, recommendForPractitioner } from './persistence/recommend.js';
export { Recommendation } from './persistence/recommendation.entity.js';
