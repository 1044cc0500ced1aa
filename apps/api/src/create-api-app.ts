import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { InvalidField, ProblemDetails, ProblemDetailsFilter, strictValidationPipe } from '#libs/http';
import { withIdempotencyKeys } from '#libs/idempotency';
import { BEARER_SCHEME } from '#libs/identity';
import { correlationIdOf, measureHttpRequests } from '#libs/observability';
import { Registry } from 'prom-client';
import type { ApiConfig } from './api.config.js';
import { ApiModule } from './api.module.js';
import { ApiHttpAdapter } from './api-http-adapter.js';
import { withExplicitAccess } from './openapi/document-access.js';

/** Builds the HTTP app, ready to listen: the one set-up shared by the process and the tests. */
export async function createApiApp(config: ApiConfig): Promise<NestFastifyApplication> {
  // Signed tokens in email links are longer than Fastify's 100-character default for a path parameter.
  const adapter = new ApiHttpAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, genReqId: correlationIdOf, maxParamLength: 400 });
  // A JSON API: any other body is a 415, not something to guess at.
  adapter.getInstance().removeContentTypeParser(['text/plain']);
  // Except the forms of the email links: mail clients unsubscribe in one click (RFC 8058:
  // List-Unsubscribe=One-Click), and a browser posts the confirmation page's button as a form.
  adapter.getInstance().addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) =>
    request.url.startsWith('/api/unsubscribe/') || request.url.startsWith('/api/subscriptions/confirm/')
      ? done(null, Object.fromEntries(new URLSearchParams(body as string)))
      : done(Object.assign(new Error('Forms are taken only by the links in emails; send JSON.'), { statusCode: 415 }), undefined),
  );
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  measureHttpRequests(adapter.getInstance(), app.get(Registry));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = withIdempotencyKeys(withExplicitAccess(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Teaching Partnership Marketplace API')
      .setDescription(
        'Opportunities for social work practitioners across a teaching partnership. Errors are RFC 9457 problem details. ' +
          'Dates and times are ISO 8601 with an offset: answers show them as the clock reads in Europe/London ' +
          '(+00:00 in winter, +01:00 in summer time); requests may use any offset.',
      )
      .setVersion('0.1.0')
      // Relative, so the document holds wherever the API is served; its paths carry the /api prefix.
      .addServer('/', 'The origin this document is served from')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from POST /api/auth/login or /api/auth/refresh.' }, BEARER_SCHEME)
      .build(),
    { extraModels: [ProblemDetails, InvalidField] },
  )));
  // The package's own terms (package.json): not published under an open licence, so there is no licence text to link to.
  document.info.license = { name: 'UNLICENSED' };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', swaggerUiEnabled: config.API_DOCS_UI });
  // Loaded only when on: its static-file plugin cannot be loaded under jest on Node 20.
  if (config.QUEUE_DASHBOARD) await (await import('./queue-dashboard.js')).mountQueueDashboard(app, config);
  return app;
}
