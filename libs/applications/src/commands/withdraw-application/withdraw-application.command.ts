import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { ApplicationResponse } from '../../http/application.dto.js';

export class WithdrawApplicationCommand extends Command<ApplicationResponse> {
  constructor(
    readonly applicationId: string,
    readonly practitioner: Caller,
  ) {
    super();
  }
}
