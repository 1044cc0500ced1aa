import { createHash } from 'node:crypto';
import { type CallHandler, ConflictException, type ExecutionContext, Injectable, type NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable, of, throwError, catchError } from 'rxjs';
import { InvalidRequestException } from '#libs/http';
import { IdempotencyKeys } from './idempotency-keys.js';

const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/** How long a repeat waits for the first request with its key to finish before it is told to try again. */
const WAIT_FOR_FIRST_MS = 5_000;

/** JSON with every object's keys in order: the same request gives the same hash however it was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * A signed-in POST with an `Idempotency-Key` header is done once: a repeat with the same key and
 * request gets the first answer (status and body) again, marked `Idempotent-Replayed: true`; the
 * same key with another request is a 422. A repeat arriving while the first is still running waits
 * for its answer. A request that fails keeps nothing, so it can be tried again with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyKeys) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: { id: string } }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.caller) return next.handle();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw new InvalidRequestException([{ field: 'Idempotency-Key', messages: ['must be 1 to 255 visible ASCII characters, such as a UUID'] }]);
    }
    const callerId = request.caller.id;
    const requestHash = createHash('sha256').update(canonical([request.url, request.body])).digest('base64url');

    const claim = await this.claimWhenFree(callerId, key, requestHash);
    switch (claim.outcome) {
      case 'other_request':
        throw new UnprocessableEntityException('This Idempotency-Key was sent with another request: use a new key for a new request.');
      case 'in_progress':
        throw new ConflictException('A request with this Idempotency-Key is still being handled: try again in a few seconds.');
      case 'answered':
        void reply.status(claim.status).header('idempotent-replayed', 'true');
        return of(claim.body);
      case 'claimed':
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.keys.answer(callerId, key, reply.statusCode, body);
            return body;
          }),
          catchError((error: unknown) => from(this.keys.release(callerId, key)).pipe(mergeMap(() => throwError(() => error)))),
        );
    }
  }

  private async claimWhenFree(callerId: string, key: string, requestHash: string) {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claim = await this.keys.claim(callerId, key, requestHash);
      if (claim.outcome !== 'in_progress' || Date.now() > deadline) return claim;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
