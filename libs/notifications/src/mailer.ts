import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { NotificationConfig } from './notification.config.js';
import type { RenderedEmail } from './templates/emails.js';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  messageId: string;
  headers?: Record<string, string>;
}

/** The SMTP server refused the recipient for good (a 5xx): sending again can never work. */
export class PermanentRejection extends Error {
  constructor(
    readonly recipient: string,
    readonly smtpResponse: string,
  ) {
    super(`SMTP refused ${recipient} for good: ${smtpResponse}`);
  }
}

// A 5xx at these steps is about this recipient or this message; at others (auth, MAIL FROM) it is ours to fix.
const RECIPIENT_STEPS = ['RCPT TO', 'DATA'];

/** Sends email over SMTP (pooled connections), and tells a permanent refusal from a failure worth retrying. */
@Injectable()
export class Mailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;

  constructor(private readonly config: NotificationConfig) {
    // Settings in the URL (e.g. ?maxConnections=10) win over these defaults.
    this.transport = nodemailer.createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 5 } as Parameters<typeof nodemailer.createTransport>[0]);
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
      await this.transport.sendMail({
        from: { name: this.config.MAIL_FROM_NAME, address: this.config.MAIL_FROM },
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
        ...(email.calendar ? { icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: email.calendar } } : {}),
      });
    } catch (error) {
      const smtp = error as { responseCode?: number; command?: string; response?: string };
      const permanent = smtp.responseCode !== undefined && smtp.responseCode >= 500 && RECIPIENT_STEPS.some((step) => smtp.command?.startsWith(step));
      if (permanent) throw new PermanentRejection(email.to, smtp.response ?? String(smtp.responseCode));
      throw error;
    }
  }
}
