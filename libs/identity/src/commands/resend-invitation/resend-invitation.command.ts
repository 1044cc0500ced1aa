import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../domain/caller.js';
import type { InvitationResponse } from '../../http/identity.dto.js';

export class ResendInvitationCommand extends Command<InvitationResponse> {
  constructor(
    readonly invitationId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
