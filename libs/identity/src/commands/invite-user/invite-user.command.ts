import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../domain/caller.js';
import type { InvitationResponse, InviteUserRequest } from '../../http/identity.dto.js';

export class InviteUserCommand extends Command<InvitationResponse> {
  constructor(
    readonly request: InviteUserRequest,
    readonly inviter: Caller,
  ) {
    super();
  }
}
