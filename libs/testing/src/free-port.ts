import { once } from 'node:events';
import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999): a port the kernel hands out for bind(0) or an outgoing
// connection (to PostgreSQL, say) can be taken again by the time a process starts to listen on it.
const LOWEST = 20_000;
const HIGHEST = 32_767;
const handedOut = new Set<number>();

async function listenable(port: number): Promise<boolean> {
  const server = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (!listening) return false;
  server.close();
  await once(server, 'close');
  return true;
}

/** A TCP port nothing listens on right now, not handed out before by this process. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await listenable(port)) return port;
  }
}
