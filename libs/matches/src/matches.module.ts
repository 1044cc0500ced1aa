import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '#libs/applications';
import { OutboxModule } from '#libs/events';
import { OpportunitiesModule } from '#libs/opportunities';
import { Match } from './match.entity.js';
import { DecideMatchHandler, ProposeMatchHandler } from './match.handlers.js';
import { DecisionsController } from './decisions.controller.js';
import { MatchesController } from './matches.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Match]), OutboxModule, OpportunitiesModule, ApplicationsModule],
  controllers: [MatchesController, DecisionsController],
  providers: [ProposeMatchHandler, DecideMatchHandler],
})
export class MatchesModule {}
