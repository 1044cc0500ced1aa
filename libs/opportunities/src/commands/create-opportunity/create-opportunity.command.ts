import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { CreateOpportunityRequest, OpportunityResponse } from '../../http/opportunity.dto.js';

export class CreateOpportunityCommand extends Command<OpportunityResponse> {
  constructor(
    readonly request: CreateOpportunityRequest,
    readonly caller: Caller,
  ) {
    super();
  }
}
