import { SMTPServer } from 'smtp-server';

/** An SMTP server that takes every message and only counts it: the bench measures the sender. */
export async function startSmtpSink(port: number): Promise<{ count: () => number; lastAt: () => number; close: () => Promise<void> }> {
  let count = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    maxClients: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count += 1;
        lastAt = performance.now();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { count: () => count, lastAt: () => lastAt, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
