import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  count: () => number;
  firstAt: () => number;
  lastAt: () => number;
  /** Messages beyond the first to the same recipient: a subscriber gets one digest a run. */
  duplicates: () => number;
  close: () => Promise<void>;
}

/** An SMTP server that takes every message and only counts it, by recipient: the bench measures the sender. */
export async function startSmtpSink(port: number): Promise<SmtpSink> {
  let count = 0;
  let firstAt = 0;
  let lastAt = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    maxClients: 200,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count += 1;
        lastAt = performance.now();
        firstAt ||= lastAt;
        for (const { address } of session.envelope.rcptTo) {
          if (seen.has(address)) duplicates += 1;
          else seen.add(address);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    count: () => count,
    firstAt: () => firstAt,
    lastAt: () => lastAt,
    duplicates: () => duplicates,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
