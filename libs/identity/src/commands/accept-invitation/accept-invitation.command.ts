import { Command } from '@nestjs/cqrs';

export class AcceptInvitationCommand extends Command<{ userId: string }> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
