import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '#libs/applications';
import { OutboxModule } from '#libs/events';
import { OpportunitiesModule } from '#libs/opportunities';
import { ApproveMatchHandler } from './commands/approve-match/approve-match.handler.js';
import { ProposeMatchHandler } from './commands/propose-match/propose-match.handler.js';
import { RejectMatchHandler } from './commands/reject-match/reject-match.handler.js';
import { DecisionsController } from './http/decisions.controller.js';
import { MatchesController } from './http/matches.controller.js';
import { Match } from './persistence/match.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Match]), OutboxModule, OpportunitiesModule, ApplicationsModule],
  controllers: [MatchesController, DecisionsController],
  providers: [ProposeMatchHandler, ApproveMatchHandler, RejectMatchHandler],
})
export class MatchesModule {}
