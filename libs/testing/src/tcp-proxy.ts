import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

type State = 'open' | 'refusing' | 'frozen';

/**
 * A TCP hop in front of a real server, for outages a test can switch on and off: `refuse()` drops
 * every connection and every new one (the server is down), `freeze()` holds every byte (the server
 * hangs), `open()` is normal service again.
 */
export class TcpProxy {
  private state: State = 'open';
  private readonly pairs = new Set<{ client: Socket; server: Socket }>();

  private constructor(
    private readonly listener: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const listener = createServer();
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const proxy = new TcpProxy(listener, (listener.address() as { port: number }).port);
    listener.on('connection', (client) => proxy.accept(client, target));
    return proxy;
  }

  /** `url` with its host and port replaced by this proxy's. */
  in(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  refuse(): void {
    this.state = 'refusing';
    for (const { client, server } of this.pairs) {
      client.destroy();
      server.destroy();
    }
  }

  freeze(): void {
    this.state = 'frozen';
    for (const { client, server } of this.pairs) {
      client.pause();
      server.pause();
    }
  }

  open(): void {
    this.state = 'open';
    for (const { client, server } of this.pairs) {
      client.resume();
      server.resume();
    }
  }

  async stop(): Promise<void> {
    this.refuse();
    this.listener.close();
    await once(this.listener, 'close');
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.state === 'refusing') {
      client.destroy();
      return;
    }
    const server = createConnection(target);
    const pair = { client, server };
    this.pairs.add(pair);
    client.pipe(server);
    server.pipe(client);
    if (this.state === 'frozen') {
      client.pause();
      server.pause();
    }
    const close = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
  }
}
