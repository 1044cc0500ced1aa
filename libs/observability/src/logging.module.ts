import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { ProcessConfig } from '#libs/config';
import { LoggerModule } from 'nestjs-pino';
import { Correlation, correlationIdOf } from './correlation.js';
import { CorrelationMiddleware } from './correlation.middleware.js';
import { redactUrl } from './redact-url.js';

/**
 * Structured logs (pino), one JSON line an event; every line written while a request or a job is
 * handled carries its correlation id.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ProcessConfig],
      useFactory: (config: ProcessConfig) => ({
        forRoutes: ['{*path}'],
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (request) => correlationIdOf(request),
          mixin: () => {
            const correlationId = Correlation.current();
            return correlationId ? { correlationId } : {};
          },
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token', 'req.params.token', 'res.headers["set-cookie"]'],
          serializers: { req: (request: { url: string }) => ({ ...request, url: redactUrl(request.url) }) },
          transport: config.LOG_FORMAT === 'pretty' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('{*path}');
  }
}
