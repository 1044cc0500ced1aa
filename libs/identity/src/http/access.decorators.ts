import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import type { Caller } from '../domain/caller.js';
import type { Role } from '../domain/role.js';

export const PUBLIC = Symbol('public');
export const ROLES = Symbol('roles');

/** The name of the security scheme signed-in endpoints require, which the API's document defines. */
export const BEARER_SCHEME = 'bearer';

/** An endpoint anyone may call, signed in or not. */
export const Public = () => SetMetadata(PUBLIC, true);

/** An endpoint only these roles may call; everyone else signed in gets 403 (so its document says so). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiProblems([403, `Only a caller whose role is ${roles.join(' or ')} may do this.`]));

/** Documents that an endpoint (or every endpoint of a controller) needs the bearer token, and answers 401 without it. */
export const ApiSignedIn = () => applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiProblems(401));

/** The signed-in caller of this request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
