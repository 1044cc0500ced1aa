import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { ApplicationResponse } from './application.dto.js';

export class ApplyCommand extends Command<ApplicationResponse> {
  constructor(
    readonly opportunityId: string,
    readonly statement: string,
    readonly practitioner: Caller,
  ) {
    super();
  }
}

export class WithdrawApplicationCommand extends Command<ApplicationResponse> {
  constructor(
    readonly applicationId: string,
    readonly practitioner: Caller,
  ) {
    super();
  }
}
