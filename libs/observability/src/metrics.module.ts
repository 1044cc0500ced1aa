import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsServer } from './metrics-server.js';

/**
 * A Prometheus registry of the app's own, which libraries add their figures to (injecting `Registry`),
 * and the server that shows them on a port apart from the public one. A registry an app, not
 * prom-client's global one: tests run several apps in one process.
 */
@Global()
@Module({
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    MetricsServer,
  ],
  exports: [Registry, MetricsServer],
})
export class MetricsModule {}
