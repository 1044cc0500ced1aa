// Node's network errors: the other end is not there, or went away; and nodemailer's names for the
// same (its socket, connection and DNS failures).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ESOCKET', 'ECONNECTION', 'EDNS']);

/** PostgreSQL's: connection exceptions (class 08), the server shutting down or starting up, too many connections. */
const isUnreachableSqlState = (code: string) => code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);

/** PostgreSQL cancelled a statement that ran past its timeout: the server is slow, or the statement is. */
const STATEMENT_TIMEOUT = '57014';

/** SMTP's "service not available, closing transmission channel". */
const SMTP_SERVICE_NOT_AVAILABLE = 421;

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
function* layersOf(error: unknown): Generator<{ code?: unknown; message?: unknown; name?: unknown; responseCode?: unknown }> {
  let layer = error;
  for (let depth = 0; depth < 4 && layer !== null && typeof layer === 'object'; depth++) {
    yield layer;
    const { driverError, cause } = layer as { driverError?: unknown; cause?: unknown };
    layer = driverError ?? cause;
  }
}

/**
 * Whether `error` says PostgreSQL, Redis or the SMTP server could not be reached: a failure of
 * nothing the caller sent, which ends when the server is back.
 */
export function isUnreachableDependency(error: unknown): boolean {
  for (const { code, message, name, responseCode } of layersOf(error)) {
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || isUnreachableSqlState(code))) return true;
    if (name === 'MaxRetriesPerRequestError' || responseCode === SMTP_SERVICE_NOT_AVAILABLE) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** Whether `error` says a dependency could not be reached or did not answer in time: not the request's fault, nor a bug. */
export function isUnavailableDependency(error: unknown): boolean {
  return isUnreachableDependency(error) || [...layersOf(error)].some(({ code }) => code === STATEMENT_TIMEOUT);
}
