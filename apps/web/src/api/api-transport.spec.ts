import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiTransport } from './api-transport.js';

type Handler = (request: IncomingMessage, body: Buffer, response: ServerResponse) => void;

describe('the transport the web calls the API with', () => {
  let server: Server;
  let handler: Handler;
  let base: string;
  const transport = new ApiTransport(300);

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => handler(request, Buffer.concat(chunks), response));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await transport.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body it is given, and answers with the status, headers and body', async () => {
    handler = (request, body, response) => {
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-seen', [`${request.method} ${request.url} ${request.headers.authorization} ${body.toString()}`, 'again']);
      response.writeHead(201).end(JSON.stringify({ created: true }));
    };
    const answer = await transport.send(
      new Request(`${base}/api/things?type=teaching`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"a":1}' }),
    );
    expect(answer.status).toBe(201);
    expect(answer.ok).toBe(true);
    expect(answer.headers.get('x-seen')).toBe('POST /api/things?type=teaching Bearer t {"a":1}, again');
    expect(await answer.json()).toEqual({ created: true });
  });

  it('sends a body that is not text as the same bytes', async () => {
    handler = (_request, body, response) => response.writeHead(200).end(body.toString('hex'));
    const answer = await transport.send(new Request(`${base}/api/files`, { method: 'PUT', body: new Uint8Array([0xff, 0x00, 0xfe, 0x80]) }));
    expect(await answer.text()).toBe('ff00fe80');
  });

  it('answers a body that is not text with the same bytes', async () => {
    handler = (_request, _body, response) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0xff, 0x00, 0xfe, 0x80]));
    const answer = await transport.send(new Request(`${base}/api/files/1`));
    expect(Buffer.from(await answer.arrayBuffer()).toString('hex')).toBe('ff00fe80');
  });

  it('answers a problem as it came, and a 204 with no body', async () => {
    handler = (_request, _body, response) => response.writeHead(409, { 'content-type': 'application/problem+json' }).end('{"title":"Conflict"}');
    const problem = await transport.send(new Request(`${base}/api/things`));
    expect([problem.status, problem.ok, await problem.json()]).toEqual([409, false, { title: 'Conflict' }]);

    handler = (_request, _body, response) => response.writeHead(204).end();
    const empty = await transport.send(new Request(`${base}/api/things/1`, { method: 'DELETE' }));
    expect([empty.status, empty.body]).toEqual([204, null]);
  });

  it('gives up on an API that does not answer in time', async () => {
    handler = () => undefined;
    await expect(transport.send(new Request(`${base}/api/slow`))).rejects.toThrow(/timeout/i);
  });

  it('fails on an API that is not there', async () => {
    const nobody = createServer();
    await new Promise<void>((resolve) => nobody.listen(0, '127.0.0.1', resolve));
    const { port } = nobody.address() as AddressInfo;
    await new Promise((resolve) => nobody.close(resolve));
    await expect(transport.send(new Request(`http://127.0.0.1:${port}/api/things`))).rejects.toThrow(/ECONNREFUSED/);
  });
});
