import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { MatchResponse } from '../../http/match.dto.js';

/** Who a match is proposed for: an application's practitioner, or one the matching worker recommends for an opportunity. */
export type MatchCandidate = { from: 'application'; applicationId: string } | { from: 'recommendation'; opportunityId: string; practitionerId: string };

export class ProposeMatchCommand extends Command<MatchResponse> {
  constructor(
    readonly candidate: MatchCandidate,
    readonly caller: Caller,
  ) {
    super();
  }
}
