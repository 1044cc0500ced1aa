import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { html, type RenderedEmail, render, type SignedLinks, TEMPLATES, type TemplateName } from '#libs/email-templates';
import { EMAIL_PREFERENCE_DEFAULTS, invitationToken, passwordResetToken, signLinkToken } from '#libs/mail-contract';
import { NotificationConfig } from '../notification.config.js';
import { Links } from './links.js';
import { Mailer, type OutgoingEmail, PermanentRejection } from './mailer.js';

interface Unsubscribe {
  url: string;
  mailto: string;
}

/** RFC 8058 one-click headers, and the same link at the foot of both parts. */
function withUnsubscribe(email: RenderedEmail, unsubscribe: Unsubscribe | null): Omit<OutgoingEmail, 'to' | 'messageId'> {
  if (!unsubscribe) return email;
  const footer = html`<p style="color: #505a5f; font-size: 13px">Do not want these emails? <a href="${unsubscribe.url}">Unsubscribe</a>.</p>`;
  return {
    ...email,
    html: email.html.replace('</body>', `${footer.value}\n</body>`),
    text: `${email.text}\n--\nDo not want these emails? Unsubscribe: ${unsubscribe.url}\n`,
    headers: { 'List-Unsubscribe': `<${unsubscribe.url}>, <${unsubscribe.mailto}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

interface PendingMessage {
  id: string;
  recipient: string;
  template: TemplateName;
  params: never;
  user_id: string | null;
}

/**
 * Sends the pending messages of an event. Each is sent under its row's lock and marked sent in the
 * same transaction, so two deliveries of one event never both send it, and a message marked sent is
 * never sent again. A worker dying between the SMTP server's acceptance and the commit leaves the row
 * pending: it is sent once more, with the same Message-ID, which mail clients use to drop duplicates.
 */
@Injectable()
export class MessageDelivery {
  private readonly logger = new Logger(MessageDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: NotificationConfig,
    private readonly links: Links,
  ) {}

  /** Sends the pending messages of one event key, or of several (a batch of digests). */
  async deliver(eventKeys: string | string[]): Promise<void> {
    const pending: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM sent_messages WHERE event_key = ANY($1) AND status = 'pending' ORDER BY created_at, id`,
      [Array.isArray(eventKeys) ? eventKeys : [eventKeys]],
    );
    const transientFailures: unknown[] = [];
    for (const { id } of pending) {
      try {
        await this.dataSource.transaction((transaction) => this.sendOne(transaction, id));
      } catch (error) {
        transientFailures.push(error);
        await this.dataSource.query(`UPDATE sent_messages SET last_error = $2 WHERE id = $1`, [id, (error as Error).message]);
      }
    }
    // Thrown after trying every message, so one bad message does not hold back the others.
    if (transientFailures.length > 0) throw transientFailures[0];
  }

  private async sendOne(transaction: EntityManager, id: string): Promise<void> {
    // One round trip claims the row and says whether its address is suppressed.
    const [row]: (PendingMessage & { suppressed: boolean })[] = await transaction.query(
      `SELECT m.id, m.recipient, m.template, m.params, m.user_id, EXISTS (SELECT 1 FROM email_suppressions s WHERE s.email = lower(m.recipient)) AS suppressed
       FROM sent_messages m WHERE m.id = $1 AND m.status = 'pending' FOR UPDATE OF m SKIP LOCKED`,
      [id],
    );
    if (!row) return; // sent meanwhile, or being sent by another delivery of the same event
    const skip = row.suppressed ? 'suppressed' : await this.optedOut(transaction, row);
    if (skip) {
      await transaction.query(`UPDATE sent_messages SET status = $2 WHERE id = $1`, [id, skip]);
      return;
    }
    const email = withUnsubscribe(render(row.template, row.params, this.mailer.sender, this.signedLinks), this.unsubscribeLink(row));
    try {
      await this.mailer.send({ ...email, to: row.recipient, messageId: `<${row.id}@${this.domain}>` });
    } catch (error) {
      if (!(error instanceof PermanentRejection)) throw error;
      if (error.refused === 'address') {
        this.logger.warn({ messageId: row.id, recipient: row.recipient, smtp: error.smtpResponse }, 'address refused for good: suppressed');
        await transaction.query(
          `INSERT INTO email_suppressions (email, reason, smtp_response) VALUES (lower($1), 'hard_bounce', $2) ON CONFLICT (email) DO NOTHING`,
          [row.recipient, error.smtpResponse],
        );
      } else {
        this.logger.warn({ messageId: row.id, recipient: row.recipient, smtp: error.smtpResponse }, 'message refused for good; the address stays open');
      }
      await transaction.query(`UPDATE sent_messages SET status = 'bounced', attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, error.smtpResponse]);
      return;
    }
    await transaction.query(`UPDATE sent_messages SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1`, [id]);
  }

  /** Tokens that open an account, reset a password or confirm a subscription, made now: no stored message holds one. */
  private readonly signedLinks: SignedLinks = {
    acceptInvitation: (invitationId) => this.links.acceptInvitation(invitationToken(this.config.LINK_SECRET, invitationId)),
    resetPassword: (resetId) => this.links.resetPassword(passwordResetToken(this.config.LINK_SECRET, resetId)),
    confirmSubscription: (subscriptionId) => this.links.confirmSubscription(signLinkToken(this.config.LINK_SECRET, { purpose: 'confirm', subscriptionId })),
  };

  private get domain(): string {
    return this.config.MAIL_FROM.split('@')[1]!;
  }

  /** Every email that is not essential can be stopped from itself: a digest cancels its subscription, others turn off their kind. */
  private unsubscribeLink(row: PendingMessage): Unsubscribe | null {
    const kind = TEMPLATES[row.template].kind;
    const subscriptionId = (row.params as { subscriptionId?: string }).subscriptionId;
    const claims = subscriptionId
      ? { purpose: 'unsubscribe' as const, subscriptionId }
      : kind !== 'essential' && row.user_id
        ? { purpose: 'unsubscribe' as const, userId: row.user_id, kind }
        : null;
    if (!claims) return null;
    const token = signLinkToken(this.config.LINK_SECRET, claims);
    return { url: this.links.unsubscribe(token), mailto: `mailto:unsubscribe@${this.domain}?subject=unsubscribe%20${token}` };
  }

  private async optedOut(transaction: EntityManager, row: PendingMessage): Promise<'opted_out' | null> {
    const kind = TEMPLATES[row.template].kind;
    if (kind === 'essential' || kind === 'subscription' || !row.user_id) return null;
    const [chosen] = await transaction.query<{ enabled: boolean }[]>(`SELECT enabled FROM email_preferences WHERE user_id = $1 AND kind = $2`, [row.user_id, kind]);
    return (chosen?.enabled ?? EMAIL_PREFERENCE_DEFAULTS[kind]) ? null : 'opted_out';
  }
}
