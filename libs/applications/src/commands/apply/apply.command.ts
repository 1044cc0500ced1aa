import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { ApplicationResponse } from '../../http/application.dto.js';

export class ApplyCommand extends Command<ApplicationResponse> {
  constructor(
    readonly opportunityId: string,
    readonly statement: string,
    readonly practitioner: Caller,
  ) {
    super();
  }
}
