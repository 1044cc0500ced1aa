import { Command } from '@nestjs/cqrs';
import type { Caller } from './domain/caller.js';
import type { InvitationResponse, InviteUserRequest } from './http/identity.dto.js';

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

export class ResendInvitationCommand extends Command<InvitationResponse> {
  constructor(
    readonly invitationId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class WithdrawInvitationCommand extends Command<void> {
  constructor(
    readonly invitationId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
