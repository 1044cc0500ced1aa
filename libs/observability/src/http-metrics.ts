import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

/** A request that matched no route: one label value, so probing for paths cannot add series. */
const UNMATCHED_ROUTE = '(unmatched)';

/** Seconds; from a cached page (a few ms) to the API's slowest calls and the web's timeout. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Times every request of a Fastify app into `http_request_duration_seconds`, labelled by the
 * route's pattern (`/api/opportunities/:id`, never the raw URL, which would make a series per id),
 * the method and the status code. Call before the app is ready.
 */
export function measureHttpRequests(fastify: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by route pattern, method and status code',
    labelNames: ['route', 'method', 'status_code'],
    buckets: BUCKETS,
    registers: [registry],
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    duration.observe({ route, method: request.method, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
