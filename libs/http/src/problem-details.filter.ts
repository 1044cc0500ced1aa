import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUnavailableDependency } from '#libs/observability';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, RETRY_AFTER_SECONDS } from './problem-details.js';
import { InvalidRequestException } from './validation.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

function detailOf(exception: HttpException): string | undefined {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

/** Errors from Fastify itself (bad JSON, body too large, wrong content type) carry a statusCode. */
function isClientErrorFromFastify(error: unknown): error is Error & { statusCode: number } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
}

/** PostgreSQL's data exceptions (class 22): a value from the request that validation let through but cannot be stored. */
function isDataExceptionFromPostgres(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/** Problem details with a detail of our own, for answers given outside the controllers. */
export function problemWith(status: number, detail: string, instance?: string): ProblemDetails {
  return { type: 'about:blank', title: titleOf(status), status, detail, ...(instance === undefined ? {} : { instance }) };
}

export function problemOf(exception: unknown, instance: string): ProblemDetails {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return {
      type: 'about:blank',
      title: titleOf(status),
      status,
      detail: detailOf(exception),
      instance,
      ...(exception instanceof InvalidRequestException ? { errors: exception.errors } : {}),
    };
  }
  if (isClientErrorFromFastify(exception)) {
    return { type: 'about:blank', title: titleOf(exception.statusCode), status: exception.statusCode, detail: exception.message, instance };
  }
  if (isDataExceptionFromPostgres(exception)) {
    return { type: 'about:blank', title: titleOf(400), status: 400, detail: 'A value in the request cannot be stored.', instance };
  }
  if (isUnavailableDependency(exception)) {
    return { type: 'about:blank', title: titleOf(503), status: 503, detail: 'A service this one needs is not answering; try again shortly.', instance };
  }
  return {
    type: 'about:blank',
    title: titleOf(HttpStatus.INTERNAL_SERVER_ERROR),
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'Something went wrong on our side; it has been logged.',
    instance,
  };
}

/** Turns every error into RFC 9457 problem details; only unexpected ones are logged as errors. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = problemOf(exception, request.url.split('?')[0] ?? request.url);
    if (problem.status === 503) {
      // An outage answers many requests this way: one line each, not a stack.
      this.logger.warn(`${request.method} ${problem.instance}: ${exception instanceof Error ? exception.message : String(exception)}`);
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500 || isDataExceptionFromPostgres(exception)) {
      this.logger.error(exception);
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
