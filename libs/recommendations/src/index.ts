export { RecommendationsModule } from './recommendations.module.js';
