import { Agent, request } from 'undici';

/** Statuses whose answer has no body: a Response refuses one, even an empty one. */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * How the typed client's calls reach the API: undici's request API on a keep-alive pool of its own.
 * The global fetch runs the whole WHATWG fetch algorithm and streams each body through web streams,
 * which cost more CPU than the rest of the call for the small JSON answers a page reads whole.
 */
export class ApiTransport {
  private readonly pool: Agent;

  constructor(timeoutMs: number) {
    // Each stage of a call has the same limit: connecting, the answer's headers, each wait for its body.
    this.pool = new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  /** Sends what openapi-fetch built and answers as fetch would, with the body read whole. */
  async send(call: Request): Promise<Response> {
    const headers: Record<string, string> = {};
    call.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answered = await request(call.url, {
      method: call.method,
      headers,
      // Bodies both ways as bytes: a body need not be text.
      body: call.body ? Buffer.from(await call.arrayBuffer()) : undefined,
      dispatcher: this.pool,
    });
    const body = Buffer.from(await answered.body.arrayBuffer());
    const answerHeaders: [string, string][] = [];
    for (const [name, value] of Object.entries(answered.headers)) {
      for (const each of Array.isArray(value) ? value : [value]) if (each !== undefined) answerHeaders.push([name, each]);
    }
    return new Response(NO_BODY.has(answered.statusCode) ? null : body, { status: answered.statusCode, headers: answerHeaders });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
