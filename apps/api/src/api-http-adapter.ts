import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemWith, RETRY_AFTER_SECONDS } from '#libs/http';

/**
 * How much of a refused body is read (and dropped) before answering. Closing on a client that is
 * still sending resets the connection, and the client may lose the answer with it; past this, a
 * client sending that much is not worth waiting for.
 */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

/** The longest shutdown waits for requests in flight before it goes on without them. */
const IN_FLIGHT_LIMIT_MS = 10_000;

export interface ApiHttpOptions {
  bodyLimit: number;
  maxParamLength: number;
  genReqId: (request: IncomingMessage) => string;
}

/**
 * Fastify for the API, with every answer given outside the controllers as problem details too: the
 * router's (a malformed URL, 400; an over-long path parameter, 414), the HTTP parser's (headers too
 * large, 431; too slow, 408; malformed, 400) and the 503 while shutting down.
 */
export class ApiHttpAdapter extends FastifyAdapter {
  private shuttingDown = false;
  private inFlight = 0;
  private settled: (() => void) | undefined;

  constructor({ bodyLimit, maxParamLength, genReqId }: ApiHttpOptions) {
    super({
      bodyLimit,
      genReqId,
      routerOptions: { maxParamLength },
      frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
        const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
        // Not echoed: the path is what is wrong with it, and may be long.
        const detail = status === 414 ? `A part of the path is longer than ${maxParamLength} characters.` : 'The path is not a valid URL.';
        void sendProblem(reply, problemWith(status, detail));
      },
      clientErrorHandler: answerClientError,
      // Answered by the hook below instead, as problem details, from the moment the app starts closing.
      return503OnClosing: false,
    });
    const fastify = this.getInstance();
    fastify.addHook('onRequest', (_request, reply, done) => {
      if (!this.shuttingDown) {
        this.inFlight += 1;
        reply.raw.once('close', () => {
          this.inFlight -= 1;
          if (this.inFlight === 0) this.settled?.();
        });
        return done();
      }
      void reply.header('connection', 'close').header('retry-after', String(RETRY_AFTER_SECONDS));
      void sendProblem(reply, problemWith(503, 'The API is shutting down; try again shortly.'));
    });
    fastify.addHook('onSend', async (request, _reply, payload) => {
      await bodyDrained(request);
      return payload;
    });
  }

  /**
   * Nest awaits this before the shutdown hooks, where the outbox relay makes its last dispatch: new
   * requests get the 503 from now on, and those in flight finish first, so that the events they
   * commit go out with it rather than wait in the outbox for the next start.
   */
  // FastifyAdapter declares beforeClose void, but Nest's HttpServer contract allows a promise and app.close() awaits it.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  override async beforeClose(): Promise<void> {
    this.shuttingDown = true;
    super.beforeClose();
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => {
      this.settled = resolve;
      // A request that never ends does not hold the shutdown up for ever.
      setTimeout(resolve, IN_FLIGHT_LIMIT_MS).unref();
    });
  }
}

function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/** Waits until the rest of a body the answer comes before (a refused one) has been read, up to a limit. */
function bodyDrained(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.complete || raw.destroyed || raw.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_LIMIT_BYTES) finish();
    };
    const finish = () => {
      raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      resolve();
    };
    raw.on('data', onData).once('end', finish).once('error', finish).once('close', finish);
    raw.resume();
  });
}

/** Errors of the HTTP parser, before there is a request: written to the socket, as Fastify's own are. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are larger than this server reads.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify(problemWith(status, detail));
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      () => socket.destroy(),
    );
  } else {
    socket.destroy();
  }
}
