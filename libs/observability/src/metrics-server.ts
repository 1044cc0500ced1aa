import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplicationContext, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';

/**
 * Serves GET /metrics on a port of its own, bound to METRICS_HOST (127.0.0.1 by default), so the
 * figures are never on the public port. Started by a process's entry point, not by the module: apps
 * built inside tests open no port.
 */
@Injectable()
export class MetricsServer implements OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;

  constructor(private readonly registry: Registry) {}

  /** Listens on `port` (0: serves nothing); `setting` names the port's variable in a failure. */
  async listen(port: number, host: string, setting: string): Promise<void> {
    if (port === 0) return;
    const server = createServer((request, response) => void this.answer(request.method, request.url, response));
    server.listen(port, host);
    try {
      await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
    } catch (error) {
      throw new Error(`Metrics cannot listen on ${host}:${port} (${(error as Error).message}): set ${setting} to another port, or 0 for none`, { cause: error });
    }
    this.server = server;
    const address = server.address() as AddressInfo;
    this.logger.log(`Metrics on http://${host}:${address.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async answer(method: string | undefined, url: string | undefined, response: ServerResponse): Promise<void> {
    if (method !== 'GET' || url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at /metrics\n');
      return;
    }
    try {
      const body = await this.registry.metrics();
      response.writeHead(200, { 'content-type': this.registry.contentType }).end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`Collecting the metrics failed: ${(error as Error).message}\n`);
    }
  }
}

/**
 * For a process's entry point, once the app runs: serves its metrics, or says why it cannot and
 * stops the app cleanly (a worker finishes the jobs it took) with exit code 1.
 */
export async function serveMetricsOrStop(app: INestApplicationContext, port: number, host: string, setting: string): Promise<void> {
  try {
    await app.get(MetricsServer).listen(port, host, setting);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    await app.close();
    process.exit(1);
  }
}
