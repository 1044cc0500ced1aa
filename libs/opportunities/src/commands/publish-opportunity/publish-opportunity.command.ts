import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityResponse } from '../../http/opportunity.dto.js';

export class PublishOpportunityCommand extends Command<OpportunityResponse> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
