import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiProblems } from '#libs/http';
import { ApiSignedIn, CurrentCaller, Public } from './access.decorators.js';
import type { Caller } from './caller.js';
import { LoginRequest, MeResponse, TokenResponse } from './identity.dto.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { SignIn } from './sign-in.service.js';
import { User } from './user.entity.js';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(
    private readonly signIn: SignIn,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  @Post('auth/login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; answers a short-lived bearer token' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(
    400,
    [401, 'The email or the password is wrong (the same answer for both).'],
    [429, 'Too many attempts for this email from this address; try again later.'],
  )
  login(@Body() request: LoginRequest): Promise<TokenResponse> {
    return this.signIn.withPassword(request.email, request.password);
  }

  @Get('me')
  @ApiSignedIn()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentCaller() caller: Caller): Promise<MeResponse> {
    const user = await this.users.findOneByOrFail({ id: caller.id });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      universityId: user.universityId,
      councilId: user.councilId,
      partnershipIds: caller.partnershipIds,
    };
  }
}
