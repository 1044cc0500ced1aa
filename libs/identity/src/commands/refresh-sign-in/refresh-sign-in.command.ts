import { Command } from '@nestjs/cqrs';
import type { TokenResponse } from '../../http/identity.dto.js';

export class RefreshSignInCommand extends Command<TokenResponse> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
