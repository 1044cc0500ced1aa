import { Module } from '@nestjs/common';
import { DecideMatchController } from './decide-match.controller.js';
import { DecisionOpportunitiesController } from './opportunities.controller.js';

/** A partnership lead's decisions: what waits for them, proposing matches, approving and rejecting them. */
@Module({ controllers: [DecisionOpportunitiesController, DecideMatchController] })
export class DecisionsModule {}
