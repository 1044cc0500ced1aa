import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { MatchResponse } from './match.dto.js';

export class ProposeMatchCommand extends Command<MatchResponse> {
  constructor(
    readonly applicationId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class DecideMatchCommand extends Command<MatchResponse> {
  constructor(
    readonly matchId: string,
    readonly decision: 'approve' | 'reject',
    readonly caller: Caller,
    readonly note?: string,
  ) {
    super();
  }
}
