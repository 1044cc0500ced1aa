import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import { CompletePasswordResetCommand } from '../commands/complete-password-reset/complete-password-reset.command.js';
import { RequestPasswordResetCommand } from '../commands/request-password-reset/request-password-reset.command.js';
import { RESET_LINK_EXPIRED } from '../persistence/open-password-reset.js';
import { CheckPasswordResetLinkQuery } from '../queries/check-password-reset-link/check-password-reset-link.query.js';
import { Public } from './access.decorators.js';
import { CompletePasswordResetRequest, PasswordChangedResponse, PasswordResetRequest, PasswordResetRequestedResponse, PasswordResetTokenRequest } from './identity.dto.js';
import { PasswordResetRateLimitGuard } from './login-rate-limit.guard.js';

const REQUESTED: PasswordResetRequestedResponse = { detail: 'If an account has this email address, a link to choose a new password has been sent to it.' };

@ApiTags('identity')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Public()
  @UseGuards(PasswordResetRateLimitGuard)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for an email with a link to choose a new password',
    description:
      'Answers the same whether or not the address has an account, so the answer tells nothing about who has one. ' +
      'For a person who has set up their account, emits `user.password_reset_requested`: the notification worker emails a link that works once, ' +
      'for PASSWORD_RESET_TTL_MINUTES; asking again makes the earlier links stop working.',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedResponse })
  @ApiProblems(400, [429, 'Too many requests for this email from this address; try again later.'])
  async request(@Body() request: PasswordResetRequest): Promise<PasswordResetRequestedResponse> {
    await this.commands.execute(new RequestPasswordResetCommand(request.email));
    return REQUESTED;
  }

  // No rate limit here or below: the token is 256 bits made with a secret, so guessing one is hopeless.
  @Post('check')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Whether a reset token still works, without using it',
    description: 'For the page the link opens: an expired link says so before a new password is typed. Changes nothing, so a mail scanner following the link does no harm.',
  })
  @ApiNoContentResponse()
  @ApiProblems([400, `"${RESET_LINK_EXPIRED}" for an unknown, used, superseded or expired token.`])
  async check(@Body() request: PasswordResetTokenRequest): Promise<void> {
    await this.queries.execute(new CheckPasswordResetLinkQuery(request.token));
  }

  @Post('complete')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Choose a new password with the token from a reset email',
    description: 'The token works once. Every sign-in of the person ends (their refresh tokens are revoked); they sign in again with the new password. Emits `user.password_changed`.',
  })
  @ApiOkResponse({ type: PasswordChangedResponse })
  @ApiProblems([400, `The password breaks the rules (see errors), or: "${RESET_LINK_EXPIRED}" for an unknown, used, superseded or expired token.`])
  async complete(@Body() request: CompletePasswordResetRequest): Promise<PasswordChangedResponse> {
    await this.commands.execute(new CompletePasswordResetCommand(request.token, request.password));
    return { detail: 'Your password has been changed. Sign in with the new one.' };
  }
}
