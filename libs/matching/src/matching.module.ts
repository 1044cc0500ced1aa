import { Module } from '@nestjs/common';
import { MemberRemovedHandler } from './reactions/member-removed.handler.js';
import { OpportunityChangedHandler } from './reactions/opportunity-changed.handler.js';
import { PractitionerChangedHandler } from './reactions/practitioner-changed.handler.js';
import { PractitionerEngagedHandler } from './reactions/practitioner-engaged.handler.js';

/** Matching's reactions, for the worker that keeps recommendations current; no entities of its own to register. */
@Module({
  providers: [OpportunityChangedHandler, PractitionerChangedHandler, PractitionerEngagedHandler, MemberRemovedHandler],
})
export class MatchingModule {}
