import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { MatchResponse } from '../../http/match.dto.js';

export class ProposeMatchCommand extends Command<MatchResponse> {
  constructor(
    readonly applicationId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
