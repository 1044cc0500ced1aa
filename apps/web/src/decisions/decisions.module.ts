import { Module } from '@nestjs/common';
import { DecisionOpportunitiesController } from './opportunities.controller.js';

/** A partnership lead's decisions: what waits for them, proposing matches, approving and rejecting them. */
@Module({ controllers: [DecisionOpportunitiesController] })
export class DecisionsModule {}
