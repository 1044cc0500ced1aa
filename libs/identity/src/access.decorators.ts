import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Caller } from './caller.js';
import type { Role } from './role.js';

export const PUBLIC = Symbol('public');
export const ROLES = Symbol('roles');

/** An endpoint anyone may call, signed in or not. */
export const Public = () => SetMetadata(PUBLIC, true);

/** An endpoint only these roles may call; everyone else signed in gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The signed-in caller of this request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ caller: Caller }>().caller;
});
