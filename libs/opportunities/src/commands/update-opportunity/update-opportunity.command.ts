import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { OpportunityResponse, UpdateOpportunityRequest } from '../../http/opportunity.dto.js';

export class UpdateOpportunityCommand extends Command<OpportunityResponse> {
  constructor(
    readonly id: string,
    readonly request: UpdateOpportunityRequest,
    readonly caller: Caller,
  ) {
    super();
  }
}
