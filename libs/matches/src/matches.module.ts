import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '#libs/applications';
import { OutboxModule } from '#libs/events';
import { Recommendation } from '#libs/matching';
import { OpportunitiesModule } from '#libs/opportunities';
import { ApproveMatchHandler } from './commands/approve-match/approve-match.handler.js';
import { ProposeMatchHandler } from './commands/propose-match/propose-match.handler.js';
import { RejectMatchHandler } from './commands/reject-match/reject-match.handler.js';
import { DecisionsController } from './http/decisions.controller.js';
import { MatchesController } from './http/matches.controller.js';
import { Match } from './persistence/match.entity.js';
import { GetMatchHandler } from './queries/get-match/get-match.handler.js';
import { MatchCalendarHandler } from './queries/match-calendar/match-calendar.handler.js';
import { MyMatchesHandler } from './queries/my-matches/my-matches.handler.js';
import { OpportunityDecisionsHandler } from './queries/opportunity-decisions/opportunity-decisions.handler.js';
import { OpportunityMatchesHandler } from './queries/opportunity-matches/opportunity-matches.handler.js';
import { PartnershipDecisionsHandler } from './queries/partnership-decisions/partnership-decisions.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([Match, Recommendation]), OutboxModule, OpportunitiesModule, ApplicationsModule],
  controllers: [MatchesController, DecisionsController],
  providers: [
    ProposeMatchHandler,
    ApproveMatchHandler,
    RejectMatchHandler,
    GetMatchHandler,
    MatchCalendarHandler,
    OpportunityMatchesHandler,
    MyMatchesHandler,
    PartnershipDecisionsHandler,
    OpportunityDecisionsHandler,
  ],
})
export class MatchesModule {}
