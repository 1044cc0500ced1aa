// Matching's core, shared by the worker that keeps recommendations and the API that reads them.
// Deliberately without Nest modules: importing it registers no entities with a process's connection.
export { BEST_FITS_SQL, RANK_OPPORTUNITIES_SQL, RANK_PRACTITIONERS_SQL, rankingParameters } from './ranking.sql.js';
export { planForRanking, recommendForOpportunity, recommendForPractitioner, withdrawCouncilFromPartnership, withdrawRecommendation } from './recommend.js';
export { Recommendation } from './recommendation.entity.js';
export { type Factors, reasonsFor, scoreOf, WEIGHTS } from './scoring.js';
