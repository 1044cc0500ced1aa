import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestStack } from './support/test-stack.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request over its own connection with Node's own client, as a script calling the API would send it. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

function expectProblem(answer: Answer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  expect(JSON.parse(answer.body)).toMatchObject({ type: 'about:blank', status, title: expect.any(String), detail: expect.any(String) });
}

/** What the server answers before any controller runs, and while it stops: problem details too. */
describe('errors from outside the controllers', () => {
  let stack: TestStack;
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    stack = await TestStack.create();
    ({ app } = await stack.startApi({ OUTBOX_RELAY: 'false' }));
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => stack.close());

  it('answers a path parameter longer than the router takes with a 414', async () => {
    expectProblem(await send(port, { path: `/api/unsubscribe/${'a'.repeat(5_000)}` }), 414);
  });

  it('answers headers larger than the server reads with a 431', async () => {
    expectProblem(await send(port, { path: '/api/health', headers: { 'x-large': 'a'.repeat(20_000) } }), 431);
  });

  it('answers a body far over the limit with a 413 that the client reads, every time, without a reset', async () => {
    const part = Buffer.alloc(64 * 1024, 'a');
    const parts = 80; // 5 MB
    // Over a bare socket, written part by part as over a network, so that nothing hides a reset: a
    // server that closes while the body is still coming makes the next write fail, and can take
    // the answer with it before the client reads it.
    const upload = (withLength: boolean) =>
      new Promise<{ answer: string; errors: string[] }>((resolve) => {
        const errors: string[] = [];
        let answer = '';
        const socket = connect(port, '127.0.0.1');
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
        socket.on('close', () => resolve({ answer, errors }));
        const head = withLength ? `content-length: ${part.length * parts}` : 'transfer-encoding: chunked';
        socket.write(`POST /api/subscriptions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${head}\r\n\r\n`);
        const frame = (data: Buffer) => (withLength ? data : Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]));
        const write = (left: number): void => {
          if (socket.destroyed) return;
          if (left === 0) return void (withLength ? socket.end() : socket.end('0\r\n\r\n'));
          socket.write(frame(part), () => setImmediate(() => write(left - 1)));
        };
        write(parts);
      });
    for (let attempt = 0; attempt < 30; attempt++) {
      const { answer, errors } = await upload(attempt % 2 === 0);
      expect(errors).toEqual([]);
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    }
    // And as fetch sends it, all at once.
    const body = Buffer.alloc(part.length * parts, 'a');
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ status: 413, title: 'Content Too Large' });
    }
  });

  it('answers 503 while shutting down', async () => {
    const other = await stack.startApi({ OUTBOX_RELAY: 'false' });
    await other.app.listen(0, '127.0.0.1');
    const otherPort = (other.app.getHttpServer().address() as AddressInfo).port;
    expect((await send(otherPort, { path: '/api' })).status).toBe(200);
    // What Nest calls first when the app closes (on SIGTERM, with shutdown hooks on).
    other.app.getHttpAdapter().beforeClose?.();
    const answer = await send(otherPort, { path: '/api' });
    expectProblem(answer, 503);
    expect(answer.headers['retry-after']).toBeDefined();
    expect(answer.headers.connection).toBe('close');
  });
});
