import { Command } from '@nestjs/cqrs';
import type { TokenResponse } from '../../http/identity.dto.js';

export class AcceptInvitationCommand extends Command<TokenResponse> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
