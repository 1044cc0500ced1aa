import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoreConfig } from '#libs/config';
import { OutboxModule } from '#libs/events';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler.js';
import { CompletePasswordResetHandler } from './commands/complete-password-reset/complete-password-reset.handler.js';
import { InviteUserHandler } from './commands/invite-user/invite-user.handler.js';
import { RefreshSignInHandler } from './commands/refresh-sign-in/refresh-sign-in.handler.js';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler.js';
import { ResendInvitationHandler } from './commands/resend-invitation/resend-invitation.handler.js';
import { SignInTokens } from './commands/sign-in/sign-in-tokens.js';
import { SignInHandler } from './commands/sign-in/sign-in.handler.js';
import { SignOutHandler } from './commands/sign-out/sign-out.handler.js';
import { WithdrawInvitationHandler } from './commands/withdraw-invitation/withdraw-invitation.handler.js';
import { AuthController } from './http/auth.controller.js';
import { AuthenticationGuard } from './http/authentication.guard.js';
import { CallerCache } from './http/caller-cache.js';
import { InvitationsController } from './http/invitations.controller.js';
import { LoginRateLimitGuard, PasswordResetRateLimitGuard } from './http/login-rate-limit.guard.js';
import { PasswordResetController } from './http/password-reset.controller.js';
import { PeopleController } from './http/people.controller.js';
import { RateLimiter, RedisRateLimiter } from './http/rate-limiter.js';
import { IdentityConfig } from './identity.config.js';
import { FirstAdmin } from './persistence/first-admin.js';
import { Invitation } from './persistence/invitation.entity.js';
import { PasswordReset } from './persistence/password-reset.entity.js';
import { RateLimits } from './persistence/rate-limits.js';
import { RefreshToken } from './persistence/refresh-token.entity.js';
import { RefreshTokens } from './persistence/refresh-tokens.js';
import { User } from './persistence/user.entity.js';
import { CheckPasswordResetLinkHandler } from './queries/check-password-reset-link/check-password-reset-link.handler.js';
import { FindPeopleHandler } from './queries/find-people/find-people.handler.js';
import { GetPersonHandler } from './queries/get-person/get-person.handler.js';
import { SignedInPersonHandler } from './queries/signed-in-person/signed-in-person.handler.js';

@Module({})
export class IdentityModule {
  /**
   * Sign-in, invitations, password resets and the guard every endpoint passes. `partnershipDirectory` is the module
   * that provides `PartnershipDirectory` (the partnerships context), so identity never imports it.
   */
  static forRoot(partnershipDirectory: NonNullable<ModuleMetadata['imports']>[number]): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        TypeOrmModule.forFeature([User, Invitation, RefreshToken, PasswordReset]),
        OutboxModule,
        partnershipDirectory,
        JwtModule.registerAsync({
          inject: [IdentityConfig],
          // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to read it as a
          // public key on every sign and verify (6% of the search benchmark's CPU profile).
          useFactory: (config: IdentityConfig) => ({
            secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
            signOptions: { expiresIn: config.JWT_TTL_SECONDS },
          }),
        }),
      ],
      controllers: [AuthController, InvitationsController, PasswordResetController, PeopleController],
      providers: [
        CallerCache,
        SignInTokens,
        RefreshTokens,
        FirstAdmin,
        {
          // Where the queues are: in Redis, or in PostgreSQL on a machine without Redis.
          provide: RateLimiter,
          inject: [CoreConfig, DataSource],
          useFactory: (config: CoreConfig, dataSource: DataSource): RateLimiter =>
            config.QUEUE_BACKEND === 'redis' ? new RedisRateLimiter(config) : new RateLimits(dataSource),
        },
        LoginRateLimitGuard,
        PasswordResetRateLimitGuard,
        SignInHandler,
        RefreshSignInHandler,
        SignOutHandler,
        InviteUserHandler,
        AcceptInvitationHandler,
        ResendInvitationHandler,
        WithdrawInvitationHandler,
        FindPeopleHandler,
        GetPersonHandler,
        SignedInPersonHandler,
        CheckPasswordResetLinkHandler,
        RequestPasswordResetHandler,
        CompletePasswordResetHandler,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
      ],
    };
  }
}
