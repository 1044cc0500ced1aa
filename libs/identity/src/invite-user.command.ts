import { Command } from '@nestjs/cqrs';
import type { Caller } from './caller.js';
import type { InvitationResponse, InviteUserRequest } from './identity.dto.js';

export class InviteUserCommand extends Command<InvitationResponse> {
  constructor(
    readonly request: InviteUserRequest,
    readonly inviter: Caller,
  ) {
    super();
  }
}

export class AcceptInvitationCommand extends Command<{ userId: string }> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
