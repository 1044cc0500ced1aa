import { All, Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Api } from '../api/api-client.js';
import { ApiProblem, ApiUnavailable, NotForYourRole, SignInRequired } from '../api/api-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { WebConfig } from '../web.config.js';

const HERE = '/admin/queues/';
const THERE = '/api/admin/queues/';
const PASSED_BACK = ['content-type', 'cache-control', 'etag', 'last-modified'];
const PASSED_ON = ['accept', 'content-type', 'if-none-match', 'if-modified-since'];

/**
 * Bull Board's own policy: its page styles its loading screen inline and its scripts set styles,
 * so styles may be inline here, and only here; scripts still come only from this site.
 */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * The API's queue dashboard (Bull Board) at /admin/queues/, for admins: the browser holds no API
 * token, so each request is passed on with the admin's, and the page's base address is this one.
 */
@Controller('admin/queues')
@SignedIn('admin')
export class QueueDashboardController {
  constructor(
    private readonly api: Api,
    private readonly config: WebConfig,
  ) {}

  @Get()
  start(@Res() reply: FastifyReply): unknown {
    return reply.redirect(HERE, 303);
  }

  @All('*')
  async pass(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<unknown> {
    if (!['GET', 'HEAD'].includes(request.method) && !isSameOrigin(request)) throw new NotForYourRole();
    const token = await this.api.accessTokenOf(request);
    const headers = new Headers({ authorization: `Bearer ${token}` });
    for (const name of PASSED_ON) {
      const value = request.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const withBody = request.body !== undefined && !['GET', 'HEAD'].includes(request.method);
    if (withBody) headers.set('content-type', 'application/json');
    // Only the dashboard: "..", however it is written, must not reach the rest of the API with an admin's token.
    const url = new URL(`${THERE}${request.url.slice(HERE.length)}`, this.config.API_URL);
    if (!url.pathname.startsWith(THERE)) throw new ApiProblem(404, {});
    const answered = await fetch(url, {
      method: request.method,
      headers,
      body: withBody ? JSON.stringify(request.body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.API_TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new ApiUnavailable(error);
    });
    if (answered.status === 401) throw new SignInRequired();
    if (answered.status === 403) throw new NotForYourRole();
    if (answered.status === 503) throw new ApiUnavailable(answered.statusText);
    // The API's own 404 (the dashboard is off there) is our page; Bull Board's, for a job, are its own.
    if (answered.status === 404 && answered.headers.get('content-type')?.startsWith('application/problem+json')) throw new ApiProblem(404, {});
    for (const name of PASSED_BACK) {
      const value = answered.headers.get(name);
      if (value) reply.header(name, value);
    }
    reply.header('content-security-policy', DASHBOARD_CSP);
    const body = Buffer.from(await answered.arrayBuffer());
    const isPage = answered.headers.get('content-type')?.startsWith('text/html');
    return reply.code(answered.status).send(isPage ? Buffer.from(body.toString('utf8').replace(`<base href="${THERE}"`, `<base href="${HERE}"`)) : body);
  }
}

/** A change from this site's own pages (Bull Board's buttons), never from another site's form or script. */
function isSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  return typeof origin === 'string' && URL.canParse(origin) && new URL(origin).host === request.headers.host;
}
