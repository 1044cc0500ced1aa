import { Command } from '@nestjs/cqrs';
import type { TokenResponse } from '../../http/identity.dto.js';

export class SignInCommand extends Command<TokenResponse> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
