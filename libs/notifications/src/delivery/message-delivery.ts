import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Registry } from 'prom-client';
import { DataSource, type QueryRunner } from 'typeorm';
import { html, type RenderedEmail, render, type SignedLinks, TEMPLATES, type TemplateName } from '#libs/email-templates';
import { EMAIL_PREFERENCE_DEFAULTS, invitationToken, passwordResetToken, signLinkToken } from '#libs/mail-contract';
import { NotificationConfig } from '../notification.config.js';
import { EmailMetrics } from './email-metrics.js';
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

type ClaimedMessage = PendingMessage & { suppressed: boolean };

/**
 * The messages the SMTP server took and that are not marked sent yet, from every delivery of the
 * process. One UPDATE at a time marks all that were taken since the last; the next starts
 * `delayMs` after the first message it marks was taken, or when the one before it is done if that
 * is later. It runs on the connection of the delivery whose message came first, which that
 * delivery holds until the write is done.
 */
class SentMarks {
  private waiting: string[] = [];
  private next: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly delayMs: number) {}

  /** Leaves `id` to be marked: the promise settles with the UPDATE that marks it. */
  add(id: string, connection: QueryRunner): Promise<void> {
    this.waiting.push(id);
    if (!this.next) {
      const delay = sleep(this.delayMs);
      this.next = this.writing
        .then(() => delay)
        .then(async () => {
          const ids = this.waiting;
          this.waiting = [];
          this.next = undefined;
          await connection.query(`UPDATE sent_messages SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[])`, [ids]);
        });
      // The next write waits for this one, whatever comes of it; whoever added to it learns that.
      this.writing = this.next.catch(() => undefined);
    }
    return this.next;
  }
}

/**
 * A session-level advisory lock per message, from its id's 128 bits folded into the two 32-bit
 * keys: it lives as long as the connection that took it, so a worker that dies lets go of its
 * messages with its connection, and marks written on that connection meanwhile commit at once.
 */
const MESSAGE_LOCK = `('x' || substr(md5(m.id::text), 1, 8))::bit(32)::int, ('x' || substr(md5(m.id::text), 9, 8))::bit(32)::int`;

/**
 * Sends pending messages. Each is claimed under its lock before it is sent, and marked sent on the
 * claiming connection before the lock goes, so two deliveries of one event never both send it, and
 * a message marked sent is never sent again. Marks are written in bulk: whatever the SMTP server
 * took within SENT_MARK_DELAY_MS goes in one UPDATE, so a worker dying between the server's
 * acceptance and the mark leaves at most those few messages pending: they are sent once more,
 * with the same Message-ID, which mail clients use to drop duplicates.
 */
@Injectable()
export class MessageDelivery {
  private readonly logger = new Logger(MessageDelivery.name);
  private readonly metrics: EmailMetrics;
  private readonly marks: SentMarks;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: NotificationConfig,
    private readonly links: Links,
    @Optional() registry?: Registry,
  ) {
    this.metrics = new EmailMetrics(registry);
    this.marks = new SentMarks(config.SENT_MARK_DELAY_MS);
  }

  /**
   * Sends the pending messages of one event key, or of several (a batch of digests), up to
   * `concurrency` at once; the SMTP pool bounds the connections a process opens whatever that is.
   */
  async deliver(eventKeys: string | string[], { concurrency = 1 }: { concurrency?: number } = {}): Promise<void> {
    const keys = Array.isArray(eventKeys) ? eventKeys : [eventKeys];
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    try {
      const rows = await this.claim(connection, keys);
      const marked = new Set<Promise<void>>();
      let transientFailure: Error | undefined;
      let next = 0;
      const sender = async () => {
        while (next < rows.length) {
          const row = rows[next++]!;
          try {
            if (await this.sendOne(connection, row)) marked.add(this.marks.add(row.id, connection));
          } catch (error) {
            transientFailure ??= error as Error;
            await connection.query(`UPDATE sent_messages SET last_error = $2 WHERE id = $1`, [row.id, transientFailure.message]);
          }
        }
      };
      const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, rows.length) }, sender));
      // Every message the server took is marked, or its mark has failed, before its lock goes.
      const unmarked = (await Promise.allSettled(marked)).find((result) => result.status === 'rejected');
      if (unmarked) throw unmarked.reason;
      const broken = settled.find((result) => result.status === 'rejected');
      if (broken) throw broken.reason;
      // Thrown after trying every message, so one bad message does not hold back the others.
      if (transientFailure) throw transientFailure;
    } finally {
      // Marks are committed by now, so whoever takes a lock after this sees them.
      const unlocked = await connection.query('SELECT pg_advisory_unlock_all()').then(
        () => true,
        () => false,
      );
      // A connection that may still hold locks is closed rather than pooled: closing lets go of them.
      if (unlocked) await connection.release();
      else await (connection as QueryRunner & { releasePostgresConnection(error: Error): Promise<void> }).releasePostgresConnection(new Error('advisory locks kept'));
    }
  }

  /**
   * The messages this delivery may send: pending, and locked by no other delivery. The second
   * statement reads them again after the locks are held, as another delivery may have marked one
   * sent between the first statement's snapshot and its lock.
   */
  private async claim(connection: QueryRunner, keys: string[]): Promise<ClaimedMessage[]> {
    const locked = (await connection.query(
      `WITH pending AS MATERIALIZED (
         SELECT id, created_at FROM sent_messages WHERE event_key = ANY($1) AND status = 'pending'
       )
       SELECT m.id FROM pending m WHERE pg_try_advisory_lock(${MESSAGE_LOCK}) ORDER BY m.created_at, m.id`,
      [keys],
    )) as { id: string }[];
    if (locked.length === 0) return [];
    return (await connection.query(
      `SELECT m.id, m.recipient, m.template, m.params, m.user_id, EXISTS (SELECT 1 FROM email_suppressions s WHERE s.email = lower(m.recipient)) AS suppressed
       FROM sent_messages m WHERE m.id = ANY($1::uuid[]) AND m.status = 'pending' ORDER BY m.created_at, m.id`,
      [locked.map((row) => row.id)],
    )) as ClaimedMessage[];
  }

  /** Sends one claimed message; true when the SMTP server took it, and it is left to be marked sent. */
  private async sendOne(connection: QueryRunner, row: ClaimedMessage): Promise<boolean> {
    const skip = row.suppressed ? 'suppressed' : await this.optedOut(connection, row);
    if (skip) {
      await connection.query(`UPDATE sent_messages SET status = $2 WHERE id = $1`, [row.id, skip]);
      this.metrics.onSuppressed(row.template, skip);
      return false;
    }
    const email = withUnsubscribe(render(row.template, row.params, this.mailer.sender, this.signedLinks), this.unsubscribeLink(row));
    try {
      await this.mailer.send({ ...email, to: row.recipient, messageId: `<${row.id}@${this.domain}>` });
    } catch (error) {
      this.metrics.onFailed(row.template, error instanceof PermanentRejection ? 'bounced' : 'transient');
      if (!(error instanceof PermanentRejection)) throw error;
      if (error.refused === 'address') {
        this.logger.warn({ messageId: row.id, recipient: row.recipient, smtp: error.smtpResponse }, 'address refused for good: suppressed');
        await connection.query(
          `INSERT INTO email_suppressions (email, reason, smtp_response) VALUES (lower($1), 'hard_bounce', $2) ON CONFLICT (email) DO NOTHING`,
          [row.recipient, error.smtpResponse],
        );
      } else {
        this.logger.warn({ messageId: row.id, recipient: row.recipient, smtp: error.smtpResponse }, 'message refused for good; the address stays open');
      }
      await connection.query(`UPDATE sent_messages SET status = 'bounced', attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, error.smtpResponse]);
      return false;
    }
    this.metrics.onSent(row.template);
    return true;
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

  private async optedOut(connection: QueryRunner, row: PendingMessage): Promise<'opted_out' | null> {
    const kind = TEMPLATES[row.template].kind;
    if (kind === 'essential' || kind === 'subscription' || !row.user_id) return null;
    const [chosen] = (await connection.query(`SELECT enabled FROM email_preferences WHERE user_id = $1 AND kind = $2`, [row.user_id, kind])) as { enabled: boolean }[];
    return (chosen?.enabled ?? EMAIL_PREFERENCE_DEFAULTS[kind]) ? null : 'opted_out';
  }
}
