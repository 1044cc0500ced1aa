import { Readable } from 'node:stream';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage } from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { NotificationConfig } from '../notification.config.js';
import { composeAlternative } from './mime-message.js';
import type { RenderedEmail } from '#libs/email-templates';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * The SMTP server refused for good (a 5xx), so sending again can never work: at RCPT TO the address
 * itself (a hard bounce), at DATA only this message (its content or size).
 */
export class PermanentRejection extends Error {
  constructor(
    readonly recipient: string,
    readonly smtpResponse: string,
    readonly refused: 'address' | 'message',
  ) {
    super(`SMTP refused ${refused === 'address' ? recipient : `the message to ${recipient}`} for good: ${smtpResponse}`);
  }
}

/**
 * A message composed here, in the shape nodemailer's transports read (its transport API: `data` and
 * `message`). Through sendMail a finished source still gets a MIME node, random bytes for a
 * boundary it never uses, and a stream pipeline: twice the CPU of sending it.
 */
function composedMail(envelope: { from: string; to: string[] }, messageId: string, source: Buffer) {
  const message = {
    getEnvelope: () => ({ from: envelope.from, to: [...envelope.to] }),
    messageId: () => messageId,
    getHeader: (name: string) => (name.toLowerCase() === 'message-id' ? messageId : undefined),
    // A stream the pool has not read yet: a message a dropped connection never sent goes out on another.
    createReadStream: () => Readable.from([source], { objectMode: false }),
  };
  return { data: {}, message } as unknown as MailMessage<SMTPPool.SentMessageInfo>;
}

/** Sends email over SMTP (pooled connections), and tells a permanent refusal from a failure worth retrying. */
@Injectable()
export class Mailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

  constructor(private readonly config: NotificationConfig) {
    // Settings in the URL (e.g. ?maxConnections=10) win over these. A connection is opened again
    // after maxMessages; nodemailer's 100 would mean a new SMTP handshake every 100 digests.
    this.transport = nodemailer.createTransport({ url: config.SMTP_URL, pool: true, maxConnections: config.SMTP_MAX_CONNECTIONS, maxMessages: 1000 });
  }

  get sender() {
    return { name: this.config.MAIL_FROM_NAME, email: this.config.MAIL_FROM };
  }

  /** SMTP may come up after the worker; a failed check only warns, and sends retry until it is there. */
  async onApplicationBootstrap(): Promise<void> {
    const where = new URL(this.config.SMTP_URL);
    await this.transport.verify().then(
      () => this.logger.log(`Sending email through ${where.protocol}//${where.host}`),
      (error: Error) => this.logger.warn({ error: error.message }, `SMTP server ${where.host} does not answer yet; sends will retry`),
    );
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      const from = { name: this.config.MAIL_FROM_NAME, address: this.config.MAIL_FROM };
      if (email.calendar) {
        await this.transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          headers: email.headers,
          icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: email.calendar },
        });
        return;
      }
      // Without an invitation to attach, the message is composed here and handed to the pool whole.
      const source = Buffer.from(composeAlternative({ ...email, from, date: new Date() }));
      await new Promise<void>((resolve, reject) =>
        this.transport.transporter.send(composedMail({ from: from.address, to: [email.to] }, email.messageId, source), (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      const smtp = error as { responseCode?: number; command?: string; response?: string };
      // A 5xx at other steps (auth, MAIL FROM) is ours to fix: it stays a failure to retry, and to see.
      if (smtp.responseCode !== undefined && smtp.responseCode >= 500) {
        const response = smtp.response ?? String(smtp.responseCode);
        if (smtp.command?.startsWith('RCPT TO')) throw new PermanentRejection(email.to, response, 'address');
        if (smtp.command?.startsWith('DATA')) throw new PermanentRejection(email.to, response, 'message');
      }
      throw error;
    }
  }
}
