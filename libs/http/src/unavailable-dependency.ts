// Node's network errors: the other end is not there, or went away.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL's: connection exceptions (class 08), the server shutting down or starting up, too many
 * connections, and a statement cancelled by its timeout.
 */
const isUnavailableSqlState = (code: string) => code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '57014'].includes(code);

// What pg, its pool and ioredis say when they cannot reach their server, which carries no code.
const UNREACHABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /connection is closed/i,
  /enableOfflineQueue/,
  /reached the max retries per request/i,
];

/** The error itself and what it wraps (TypeORM's driverError, a cause), a few deep. */
function* layersOf(error: unknown): Generator<{ code?: unknown; message?: unknown; name?: unknown }> {
  let layer = error;
  for (let depth = 0; depth < 4 && layer !== null && typeof layer === 'object'; depth++) {
    yield layer as { code?: unknown; message?: unknown };
    const { driverError, cause } = layer as { driverError?: unknown; cause?: unknown };
    layer = driverError ?? cause;
  }
}

/** Whether `error` says PostgreSQL or Redis could not be reached or did not answer in time: not the request's fault, nor a bug. */
export function isUnavailableDependency(error: unknown): boolean {
  for (const { code, message, name } of layersOf(error)) {
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnavailableSqlState(code))) return true;
    if (name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** Seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
