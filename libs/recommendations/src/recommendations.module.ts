import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { Recommendation } from '#libs/matching';
import { OpportunitiesModule } from '#libs/opportunities';
import { ProposeRecommendedMatchHandler } from './commands/propose-recommended-match/propose-recommended-match.handler.js';
import { RecommendationsController } from './http/recommendations.controller.js';
import { MyRecommendationsHandler } from './queries/my-recommendations/my-recommendations.handler.js';
import { OpportunityRecommendationsHandler } from './queries/opportunity-recommendations/opportunity-recommendations.handler.js';

/** Recommendations in the API: reading what the matching worker keeps, and proposing matches from it. */
@Module({
  imports: [TypeOrmModule.forFeature([Recommendation]), OutboxModule, OpportunitiesModule],
  controllers: [RecommendationsController],
  providers: [ProposeRecommendedMatchHandler, OpportunityRecommendationsHandler, MyRecommendationsHandler],
})
export class RecommendationsModule {}
