import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import { RefreshSignInCommand } from '../commands/refresh-sign-in/refresh-sign-in.command.js';
import { SignInCommand } from '../commands/sign-in/sign-in.command.js';
import { SignOutCommand } from '../commands/sign-out/sign-out.command.js';
import type { Caller } from '../domain/caller.js';
import { SignedInPersonQuery } from '../queries/signed-in-person/signed-in-person.query.js';
import { ApiSignedIn, CurrentCaller, Public } from './access.decorators.js';
import { LoginRequest, MeResponse, RefreshRequest, TokenResponse } from './identity.dto.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password; answers a short-lived bearer token and a refresh token',
    description: `The refresh token keeps the sign-in going (POST /api/auth/refresh) for up to SESSION_MAX_HOURS.`,
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(
    400,
    [401, 'The email or the password is wrong (the same answer for both).'],
    [429, 'Too many attempts for this email from this address; try again later.'],
  )
  login(@Body() request: LoginRequest): Promise<TokenResponse> {
    return this.commands.execute(new SignInCommand(request.email, request.password));
  }

  // No rate limit: a refresh token is 256 random bits, so guessing one is hopeless, and the web
  // app refreshes for everyone from one address, which a limit per address would throttle.
  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Swap a refresh token for a new access token and a new refresh token',
    description:
      'Each refresh token works once. Presenting one that has been used already means someone holds a copy: ' +
      'every token of that sign-in is revoked, and the person signs in again. Tokens are also revoked when the ' +
      "person's access changes (removed, password gone, role or organisation changed, their organisation leaving " +
      'a partnership, standing down as a lead), and none outlives SESSION_MAX_HOURS from sign-in.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400, [401, 'The refresh token is unknown, expired, revoked or used already (the same answer for each): sign in again.'])
  refresh(@Body() request: RefreshRequest): Promise<TokenResponse> {
    return this.commands.execute(new RefreshSignInCommand(request.refreshToken));
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out: revoke the refresh token and every token of the same sign-in',
    description: 'Answers 204 for any well-formed token, known or not, so the answer tells nothing. Access tokens already given out last until they expire (JWT_TTL_SECONDS).',
  })
  @ApiNoContentResponse()
  @ApiProblems(400)
  async logout(@Body() request: RefreshRequest): Promise<void> {
    await this.commands.execute(new SignOutCommand(request.refreshToken));
  }

  @Get('me')
  @ApiSignedIn()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentCaller() caller: Caller): Promise<MeResponse> {
    return this.queries.execute(new SignedInPersonQuery(caller));
  }
}
