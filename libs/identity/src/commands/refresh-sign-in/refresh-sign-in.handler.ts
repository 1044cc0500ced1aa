import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TokenResponse } from '../../http/identity.dto.js';
import { RefreshTokens } from '../../persistence/refresh-tokens.js';
import { SignInTokens } from '../sign-in/sign-in-tokens.js';
import { RefreshSignInCommand } from './refresh-sign-in.command.js';

/** Carries a sign-in on: uses the refresh token up and answers fresh tokens. */
@CommandHandler(RefreshSignInCommand)
export class RefreshSignInHandler implements ICommandHandler<RefreshSignInCommand> {
  constructor(
    private readonly refreshTokens: RefreshTokens,
    private readonly tokens: SignInTokens,
  ) {}

  async execute({ refreshToken }: RefreshSignInCommand): Promise<TokenResponse> {
    const { userId, role, ...refresh } = await this.refreshTokens.rotate(refreshToken);
    return { ...(await this.tokens.accessToken({ id: userId, role })), ...refresh };
  }
}
