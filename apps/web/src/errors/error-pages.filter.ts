import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem, ApiUnavailable, NotForYourRole, SignInRequired } from '../api/api-errors.js';

/**
 * The one place failures become pages: a lapsed session goes to sign-in and back, the API's
 * 403 and 404 (also for another partnership's record) become those pages, an API that cannot be
 * reached is "service unavailable", a form without its token has expired, and anything else is "sorry, there is a problem", never a trace.
 */
@Catch()
export class ErrorPagesFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof SignInRequired || (error instanceof ApiProblem && error.status === 401)) {
      request.session.set('auth', undefined);
      const back = request.method === 'GET' ? request.url : (error instanceof SignInRequired && error.returnTo) || request.url;
      void reply.redirect(`/sign-in?returnTo=${encodeURIComponent(back)}`, 303);
      return;
    }
    if (isCsrfFailure(error)) {
      this.logger.warn(`A form was posted to ${request.url} without a valid token`);
      void reply.code(403).view('errors/views/form-expired.njk', { returnTo: request.url });
      return;
    }
    const status = statusOf(error);
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    void reply.code(status).view(templateFor(status), {});
  }
}

/** @fastify/csrf-protection's errors, raised before the page's handler runs (Nest wraps them, keeping them as the cause). */
function isCsrfFailure(error: unknown): boolean {
  const code = ((error instanceof HttpException ? error.cause : error) as { code?: unknown } | null)?.code;
  return code === 'FST_CSRF_MISSING_SECRET' || code === 'FST_CSRF_INVALID_TOKEN';
}

function statusOf(error: unknown): number {
  if (error instanceof NotForYourRole) return 403;
  if (error instanceof ApiUnavailable) return 503;
  if (error instanceof ApiProblem) return error.status >= 500 ? 500 : error.status;
  // Also Fastify's own 4xx errors (a body too large), which Nest hands over as HttpExceptions.
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}

function templateFor(status: number): string {
  switch (status) {
    case 403:
      return 'errors/views/forbidden.njk';
    case 404:
      return 'errors/views/not-found.njk';
    case 503:
      return 'errors/views/unavailable.njk';
    default:
      return status < 500 ? 'errors/views/bad-request.njk' : 'errors/views/problem.njk';
  }
}
