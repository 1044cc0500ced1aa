import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../domain/caller.js';

export class WithdrawInvitationCommand extends Command<void> {
  constructor(
    readonly invitationId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
