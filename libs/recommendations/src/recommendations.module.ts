import { Module } from '@nestjs/common';
import { OpportunitiesModule } from '#libs/opportunities';
import { RecommendationsController } from './http/recommendations.controller.js';
import { MyRecommendationsHandler } from './queries/my-recommendations/my-recommendations.handler.js';
import { OpportunityRecommendationsHandler } from './queries/opportunity-recommendations/opportunity-recommendations.handler.js';

/** Recommendations in the API: reading what the matching worker keeps; a match proposed from one is the matches context's command. */
@Module({
  imports: [OpportunitiesModule],
  controllers: [RecommendationsController],
  providers: [OpportunityRecommendationsHandler, MyRecommendationsHandler],
})
export class RecommendationsModule {}
