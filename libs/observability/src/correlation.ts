import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<{ correlationId: string }>();
const acceptable = /^[A-Za-z0-9._-]{1,128}$/;

/** Carries the correlation id of the request or job being handled through every await. */
export const Correlation = {
  run<T>(correlationId: string, work: () => T): T {
    return storage.run({ correlationId }, work);
  },
  current(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};

/**
 * The correlation id of an incoming HTTP request: the caller's `x-correlation-id` when it is
 * sensible, else a new UUID. Writes the choice back onto the headers, so the HTTP logger and
 * the correlation middleware agree whichever runs first.
 */
export function correlationIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers[CORRELATION_HEADER];
  if (typeof given === 'string' && acceptable.test(given)) return given;
  const chosen = randomUUID();
  request.headers[CORRELATION_HEADER] = chosen;
  return chosen;
}
