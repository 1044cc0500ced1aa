import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { MatchResponse } from '../../http/match.dto.js';

export class RejectMatchCommand extends Command<MatchResponse> {
  constructor(
    readonly matchId: string,
    readonly caller: Caller,
    readonly note?: string,
  ) {
    super();
  }
}
