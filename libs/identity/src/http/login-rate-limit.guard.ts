import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityConfig } from '../identity.config.js';
import { type RateLimit, RateLimiter } from './rate-limiter.js';

/**
 * Attempts per email from one address: a typo'd email does not lock out a whole office behind one
 * NAT, and one person's account is hammered from one place only slowly. Counted before anything is
 * looked up, so the limit says nothing about whether the email has an account.
 */
abstract class PerEmailRateLimitGuard implements CanActivate {
  protected abstract readonly name: string;
  protected abstract readonly tooMany: string;
  protected abstract limit(): RateLimit;

  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const given = (request.body as { email?: unknown } | undefined)?.email;
    const email = typeof given === 'string' ? given.toLowerCase() : '';
    const blockedFor = await this.limiter.hit(`${this.name}:${request.ip}:${email}`, this.limit());
    if (blockedFor === 0) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(blockedFor));
    throw new HttpException(`${this.tooMany}; try again in ${blockedFor} s.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Guessing one person's password from one place is slowed to a crawl. */
@Injectable()
export class LoginRateLimitGuard extends PerEmailRateLimitGuard {
  protected readonly name = 'login';
  protected readonly tooMany = 'Too many sign-in attempts';

  constructor(
    limiter: RateLimiter,
    private readonly config: IdentityConfig,
  ) {
    super(limiter);
  }

  protected limit(): RateLimit {
    return { windowMs: 60_000, limit: this.config.LOGIN_ATTEMPTS_PER_MINUTE, blockMs: 60_000 };
  }
}

/** Each request sends an email: no one fills a person's inbox with reset links. */
@Injectable()
export class PasswordResetRateLimitGuard extends PerEmailRateLimitGuard {
  protected readonly name = 'password-reset';
  protected readonly tooMany = 'Too many requests to reset the password of this email address';

  constructor(
    limiter: RateLimiter,
    private readonly config: IdentityConfig,
  ) {
    super(limiter);
  }

  protected limit(): RateLimit {
    return { windowMs: 3600_000, limit: this.config.PASSWORD_RESETS_PER_HOUR, blockMs: 3600_000 };
  }
}
