import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityConfig } from './identity.config.js';
import { RateLimiter } from './rate-limiter.js';

/**
 * Sign-in attempts per email from one address: a typo'd email does not lock out a whole office
 * behind one NAT, and guessing one person's password from one place is slowed to a crawl.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: IdentityConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const email = String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase();
    const blockedFor = await this.limiter.hit(`login:${request.ip}:${email}`, {
      windowMs: 60_000,
      limit: this.config.LOGIN_ATTEMPTS_PER_MINUTE,
      blockMs: 60_000,
    });
    if (blockedFor === 0) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(blockedFor));
    throw new HttpException(`Too many sign-in attempts; try again in ${blockedFor} s.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}
