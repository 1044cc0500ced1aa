import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PREPARED } from '#libs/database';
import type { Caller } from '../domain/caller.js';
import { PartnershipDirectory } from '../domain/partnership-directory.js';
import type { Role } from '../domain/role.js';
import { User } from '../persistence/user.entity.js';
import { PUBLIC, ROLES } from './access.decorators.js';
import { CallerCache } from './caller-cache.js';

/**
 * Every endpoint needs a valid bearer token unless it is @Public. The user and their partnerships
 * come from the database, through a cache that any change to them empties, so a removed user, a
 * changed role or a lost membership takes effect at once, not when the token expires.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly partnerships: PartnershipDirectory,
    private readonly callers: CallerCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; caller?: Caller }>();
    const caller = await this.callerOf(request.headers.authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(caller.role)) throw new ForbiddenException('Your role may not do this.');
    request.caller = caller;
    return true;
  }

  private async callerOf(authorization: string | undefined): Promise<Caller> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException('Sign in and send the token as "Authorization: Bearer <token>".');
    const claims = await this.jwt.verifyAsync<{ sub: string }>(token).catch(() => {
      throw new UnauthorizedException('The token is invalid or has expired; sign in again.');
    });
    const cached = this.callers.get(claims.sub);
    if (cached) return cached;
    const mark = this.callers.mark();
    const user = await this.users.findOne({ where: { id: claims.sub }, comment: PREPARED });
    if (!user || !user.passwordHash) throw new UnauthorizedException('The token is invalid or has expired; sign in again.');
    const caller: Caller = {
      id: user.id,
      role: user.role,
      universityId: user.universityId,
      councilId: user.councilId,
      partnershipIds: user.role === 'admin' ? [] : await this.partnerships.partnershipsOf(user),
    };
    this.callers.remember(caller, mark);
    return caller;
  }
}
