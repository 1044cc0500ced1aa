import Fastify from 'fastify';
import { type Histogram, Registry } from 'prom-client';
import { measureHttpRequests } from './http-metrics.js';

describe('measureHttpRequests', () => {
  it('labels each request with its route pattern, method and status, never the raw URL', async () => {
    const registry = new Registry();
    const app = Fastify();
    measureHttpRequests(app, registry);
    app.get('/api/things/:id', async (request, reply) => reply.code((request.params as { id: string }).id === 'missing' ? 404 : 200).send({}));
    // Over a socket: Fastify's inject loads an ES module jest on Node 20 cannot.
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const path of ['/api/things/1', '/api/things/2', '/api/things/missing', '/nowhere/3']) await fetch(origin + path);
    await app.close();

    const counts = Object.fromEntries(
      (await (registry.getSingleMetric('http_request_duration_seconds') as Histogram).get()).values
        .filter((sample) => sample.metricName === 'http_request_duration_seconds_count')
        .map((sample) => [`${sample.labels.method} ${sample.labels.route} ${sample.labels.status_code}`, sample.value]),
    );
    expect(counts).toEqual({
      'GET /api/things/:id 200': 2,
      'GET /api/things/:id 404': 1,
      'GET (unmatched) 404': 1,
    });
  });
});
