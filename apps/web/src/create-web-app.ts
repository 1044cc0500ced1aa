import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySecureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import nunjucks from 'nunjucks';
import { Registry } from 'prom-client';
import { correlationIdOf, measureHttpRequests } from '#libs/observability';
import { govukInlineScriptSource } from './layout/inline-script-source.js';
import { configureNunjucks } from './layout/nunjucks.js';
import { pageLocals } from './layout/page-locals.js';
import type { WebConfig } from './web.config.js';
import { WebModule } from './web.module.js';

const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
const mojRoot = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
// The templates and the service's own assets are read from the source tree (tsc copies no .njk).
const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'apps', 'web');

/** Builds the web app, ready to listen: the one set-up shared by the process and the tests. */
export async function createWebApp(config: WebConfig): Promise<NestFastifyApplication> {
  // Signed tokens in email links are longer than Fastify's 100-character default for a path parameter.
  const adapter = new FastifyAdapter({ genReqId: correlationIdOf, bodyLimit: 64_000, trustProxy: config.NODE_ENV === 'production', routerOptions: { maxParamLength: 400 } });
  const app = await NestFactory.create<NestFastifyApplication>(WebModule.forRoot(config), adapter, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  measureHttpRequests(adapter.getInstance(), app.get(Registry));
  app.enableShutdownHooks();
  const production = config.NODE_ENV === 'production';

  // Built once: @fastify/helmet calls helmet() for every request, building its middlewares and
  // parsing the policy again each time (about 2% of the search page's CPU).
  const secureHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", govukInlineScriptSource(govukDist)],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => secureHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(fastifyCookie);
  await app.register(fastifySecureSession, {
    key: sessionKeyOf(config.SESSION_SECRET),
    cookieName: 'tpm_session',
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: production },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/secure-session', getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf });

  // Locals first, so that even the page for a refused form has a new token.
  fastify.addHook('preHandler', pageLocals);
  // Every form post carries the token; the body is parsed by then. Unsubscribing is RFC 8058's
  // one-click, posted by mail clients with no page: the signed token in its URL is the proof. The
  // queue dashboard's script posts without one: its controller lets only this site's own pages change it.
  fastify.addHook('preHandler', (request, reply, done) =>
    request.method === 'POST' && !request.url.startsWith('/unsubscribe/') && !request.url.startsWith('/admin/queues/') ? fastify.csrfProtection(request, reply, done) : done(),
  );

  await app.register(fastifyStatic, { root: [join(govukDist, 'govuk', 'assets'), join(mojRoot, 'moj', 'assets')], prefix: '/assets/', maxAge: '1d' });
  // Only the built CSS and JS of each design system: their folders also hold the .njk templates.
  for (const [prefix, root, file] of [['govuk', join(govukDist, 'govuk'), 'govuk-frontend'], ['moj', join(mojRoot, 'moj'), 'moj-frontend']] as const) {
    const built = new RegExp(`^/${file}\\.min\\.(css|js)(\\.map)?$`);
    await app.register(fastifyStatic, { root, prefix: `/vendor/${prefix}/`, decorateReply: false, allowedPath: (path) => built.test(path), maxAge: '1d' });
  }
  await app.register(fastifyStatic, { root: join(webRoot, 'public'), prefix: '/public/', decorateReply: false, maxAge: '1h' });

  app.setViewEngine({
    engine: { nunjucks },
    templates: [govukDist, mojRoot, join(webRoot, 'src')],
    options: { onConfigure: configureNunjucks },
  });
  return app;
}

/** secure-session wants a 32-byte key: derive one from the secret, whatever its length. */
function sessionKeyOf(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
