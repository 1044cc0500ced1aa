import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { CreateOpportunityRequest, OpportunityResponse, UpdateOpportunityRequest } from './opportunity.dto.js';

export class CreateOpportunityCommand extends Command<OpportunityResponse> {
  constructor(
    readonly request: CreateOpportunityRequest,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class UpdateOpportunityCommand extends Command<OpportunityResponse> {
  constructor(
    readonly id: string,
    readonly request: UpdateOpportunityRequest,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class ChangeOpportunityStatusCommand extends Command<OpportunityResponse> {
  constructor(
    readonly id: string,
    readonly action: 'publish' | 'close' | 'cancel' | 'complete',
    readonly caller: Caller,
    readonly reason?: string,
  ) {
    super();
  }
}
