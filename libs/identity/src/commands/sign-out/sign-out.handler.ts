import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefreshTokens } from '../../persistence/refresh-tokens.js';
import { SignOutCommand } from './sign-out.command.js';

/** Ends the sign-in the refresh token belongs to. */
@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(private readonly refreshTokens: RefreshTokens) {}

  execute({ refreshToken }: SignOutCommand): Promise<void> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }
}
