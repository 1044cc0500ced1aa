import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';

export interface ReceivedMail {
  /** Envelope recipients, as the SMTP server saw them. */
  to: string[];
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server for a test: keeps every message it accepts, parsed. It can refuse addresses
 * for good (550, a hard bounce) or for now (451), leave a sender hanging, or stop and start on the same port.
 */
export class SmtpInbox {
  readonly received: ReceivedMail[] = [];
  readonly hardBounces = new Set<string>();
  readonly temporaryFailures = new Set<string>();
  /** Addresses whose messages are refused at DATA (554, as a content filter would): the address itself is fine. */
  readonly refusedMessages = new Set<string>();
  /** Addresses whose messages are taken in but never answered: the sender waits, mid-send. */
  readonly held = new Set<string>();
  /** How many messages to held addresses were taken in and left unanswered. */
  heldCount = 0;
  /** Connections open now, and the most that were open at once. */
  openConnections = 0;
  mostConnections = 0;
  private readonly waiting: (() => void)[] = [];
  private server: SMTPServer | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<SmtpInbox> {
    const inbox = new SmtpInbox(await freePort());
    await inbox.listen();
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const options: SMTPServerOptions = {
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Connections a pooled client keeps open are dropped at once on stop, not after 30 s.
      closeTimeout: 100,
      onConnect: (_session, callback) => {
        this.openConnections += 1;
        this.mostConnections = Math.max(this.mostConnections, this.openConnections);
        callback();
      },
      onClose: () => {
        this.openConnections -= 1;
      },
      onRcptTo: (address, _session, callback) => {
        if (this.temporaryFailures.has(address.address.toLowerCase())) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        if (this.hardBounces.has(address.address.toLowerCase())) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (session.envelope.rcptTo.some((r) => this.refusedMessages.has(r.address.toLowerCase()))) {
            return callback(Object.assign(new Error('Message refused by content filter'), { responseCode: 554 }));
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const accept = () =>
            void simpleParser(raw).then(
            (parsed) => {
              this.received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), parsed, raw });
              callback();
            },
            (error: Error) => callback(error),
          );
          if (session.envelope.rcptTo.some((r) => this.held.has(r.address.toLowerCase()))) {
            this.heldCount += 1;
            this.waiting.push(accept);
            return;
          }
          accept();
        });
      },
    };
    this.server = new SMTPServer(options);
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Answers the held messages at last: they are taken in, as if the server had only been slow. */
  releaseHeld(): void {
    this.held.clear();
    this.heldCount = 0;
    for (const accept of this.waiting.splice(0)) accept();
  }

  /** Stops accepting connections (and drops open ones), as a mail server that went away. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages sent to `address`. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Waits until `address` has `count` messages (and returns them). */
  async waitFor(address: string, count = 1): Promise<ReceivedMail[]> {
    return eventually(() => {
      const mails = this.to(address);
      if (mails.length < count) throw new Error(`${address} has ${mails.length} of ${count} messages`);
      return mails;
    });
  }
}
