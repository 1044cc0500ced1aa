import { applyDecorators, type CanActivate, type ExecutionContext, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { NotForYourRole, SignInRequired } from '../api/api-errors.js';
import { type Role, signedInSession } from './web-session.js';

class SignedInGuard implements CanActivate {
  constructor(private readonly roles: Role[]) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = signedInSession(request);
    if (!session) throw new SignInRequired();
    if (this.roles.length > 0 && !this.roles.includes(session.person.role)) throw new NotForYourRole();
    return true;
  }
}

/**
 * The page is for signed-in people (of these roles, when given). It only chooses which pages a
 * role is shown; what anyone may see or do is the API's to decide.
 */
export const SignedIn = (...roles: Role[]): MethodDecorator & ClassDecorator => applyDecorators(UseGuards(new SignedInGuard(roles)));
