import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { MatchResponse } from '#libs/matches';

/** A lead turns a recommendation into a proposed match, without waiting for an application. */
export class ProposeRecommendedMatchCommand extends Command<MatchResponse> {
  constructor(
    readonly opportunityId: string,
    readonly practitionerId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
