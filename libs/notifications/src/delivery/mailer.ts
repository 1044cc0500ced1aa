import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
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
      // Without an invitation to attach, the message is composed here and handed over whole.
      await this.transport.sendMail(
        email.calendar
          ? {
              from,
              to: email.to,
              subject: email.subject,
              text: email.text,
              html: email.html,
              messageId: email.messageId,
              headers: email.headers,
              icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: email.calendar },
            }
          : // The Message-ID spares nodemailer making one of its own for a message it does not compose.
            { envelope: { from: from.address, to: [email.to] }, messageId: email.messageId, raw: composeAlternative({ ...email, from, date: new Date() }) },
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
