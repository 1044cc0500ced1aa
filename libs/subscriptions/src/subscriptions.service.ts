import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isForeignKeyViolation } from '#libs/database';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { londonDateTime } from '#libs/http';
import { IdentityConfig } from '#libs/identity';
import { EMAIL_PREFERENCE_DEFAULTS, EMAIL_PREFERENCES, type LinkClaims, verifyLinkToken } from '#libs/mail-contract';
import type { EmailPreferences, SubscribeRequest, SubscriptionFilters, SubscriptionResponse } from './http/subscription.dto.js';

const COLUMNS = `id, email, frequency, types, host_organisation_ids AS "hostOrganisationIds", specialisms, partnership_id AS "partnershipId", status`;

/** Subscriptions (double opt-in), unsubscribing by signed link, and people's email preferences. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: IdentityConfig,
  ) {}

  /**
   * A pending subscription; its confirmation email goes out through `subscription.requested`. One
   * for a partnership that does not exist is dropped without a word: answering otherwise would tell
   * anyone which ids exist.
   */
  async request(request: SubscribeRequest): Promise<void> {
    try {
      await this.insert(request, { email: request.email, userId: null, status: 'pending' });
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
    }
  }

  /** A signed-in person's subscription needs no confirmation: their address is known to be theirs. */
  subscribeUser(userId: string, email: string, filters: SubscriptionFilters): Promise<SubscriptionResponse> {
    return this.insert(filters, { email, userId, status: 'confirmed' });
  }

  private async insert(filters: SubscriptionFilters, who: { email: string; userId: string | null; status: 'pending' | 'confirmed' }): Promise<SubscriptionResponse> {
    try {
      return await transactionWithEvents(this.dataSource, async (transaction) => {
        // New subscribers hear of what is published from now on, not of everything before.
        const [row]: SubscriptionResponse[] = await transaction.query(
          `INSERT INTO subscriptions (email, user_id, frequency, types, host_organisation_ids, specialisms, partnership_id, status, confirmed_at, last_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 = 'confirmed' THEN now() END, (SELECT coalesce(max(position), 0) FROM outbox_events))
           RETURNING ${COLUMNS}`,
          [who.email, who.userId, filters.frequency, filters.types ?? [], filters.hostOrganisationIds ?? [], filters.specialisms ?? [], filters.partnershipId ?? null, who.status],
        );
        const events =
          who.status === 'pending'
            ? [domainEvent('subscription.requested', { aggregateId: row!.id, payload: { subscriptionId: row!.id, email: who.email, frequency: filters.frequency } })]
            : [domainEvent('subscription.confirmed', { aggregateId: row!.id, actorId: who.userId, payload: { subscriptionId: row!.id } })];
        return { result: row!, events };
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new NotFoundException(`No partnership has id ${filters.partnershipId}.`);
      throw error;
    }
  }

  async confirm(token: string): Promise<void> {
    const claims = this.confirmation(token);
    await this.changeStatus(claims.subscriptionId, 'confirmed', ['pending'], 'subscription.confirmed');
  }

  /** The claims of a confirmation link; a link that was not signed here, or not for this, is a 400. */
  confirmation(token: string): Extract<LinkClaims, { purpose: 'confirm' }> {
    const claims = verifyLinkToken(this.config.LINK_SECRET, token, 'confirm');
    if (!claims) throw new BadRequestException('This confirmation link is not valid.');
    return claims;
  }

  /** One-click unsubscribing: cancels a subscription, or turns off one kind of email for a person. Repeating it is harmless. */
  async unsubscribe(token: string): Promise<void> {
    const claims = this.unsubscription(token);
    if ('subscriptionId' in claims) {
      await this.changeStatus(claims.subscriptionId, 'cancelled', ['pending', 'confirmed'], 'subscription.cancelled');
      return;
    }
    await this.setPreferences(this.dataSource.manager, claims.userId, { [claims.kind]: false });
  }

  /** The claims of an unsubscribe link; a link that was not signed here, or names no kind of email, is a 400. */
  unsubscription(token: string): Extract<LinkClaims, { purpose: 'unsubscribe' }> {
    const claims = verifyLinkToken(this.config.LINK_SECRET, token, 'unsubscribe');
    if (!claims || (!('subscriptionId' in claims) && !(EMAIL_PREFERENCES as string[]).includes(claims.kind))) {
      throw new BadRequestException('This unsubscribe link is not valid.');
    }
    return claims;
  }

  async cancelForUser(userId: string, id: string): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT 1 FROM subscriptions WHERE id = $1 AND user_id = $2`, [id, userId]);
    if (!row) throw new NotFoundException(`You have no subscription ${id}.`);
    await this.changeStatus(id, 'cancelled', ['pending', 'confirmed'], 'subscription.cancelled', userId);
  }

  listForUser(userId: string): Promise<SubscriptionResponse[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM subscriptions WHERE user_id = $1 AND status <> 'cancelled' ORDER BY created_at, id`, [userId]);
  }

  async preferences(userId: string): Promise<EmailPreferences> {
    const rows: { kind: string; enabled: boolean }[] = await this.dataSource.query(`SELECT kind, enabled FROM email_preferences WHERE user_id = $1`, [userId]);
    return Object.fromEntries(EMAIL_PREFERENCES.map((kind) => [kind, rows.find((r) => r.kind === kind)?.enabled ?? EMAIL_PREFERENCE_DEFAULTS[kind]])) as unknown as EmailPreferences;
  }

  async savePreferences(userId: string, preferences: EmailPreferences): Promise<EmailPreferences> {
    await this.dataSource.transaction((transaction) => this.setPreferences(transaction, userId, preferences as unknown as Record<string, boolean>));
    return this.preferences(userId);
  }

  private async setPreferences(db: EntityManager, userId: string, preferences: Record<string, boolean>): Promise<void> {
    // A choice left out of the request (undefined) stays as it was.
    for (const [kind, enabled] of Object.entries(preferences).filter(([, value]) => value !== undefined)) {
      await db.query(
        `INSERT INTO email_preferences (user_id, kind, enabled) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
         ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled, updated_at = now()`,
        [userId, kind, enabled],
      );
    }
  }

  private async changeStatus(
    id: string,
    status: 'confirmed' | 'cancelled',
    from: string[],
    type: 'subscription.confirmed' | 'subscription.cancelled',
    actorId: string | null = null,
  ): Promise<void> {
    await transactionWithEvents(this.dataSource, async (transaction) => {
      // An UPDATE answers [rows, count].
      const [changed]: [unknown[], number] = await transaction.query(
        `UPDATE subscriptions SET status = $2, confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
           cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE cancelled_at END
         WHERE id = $1 AND status = ANY($3) RETURNING id`,
        [id, status, from],
      );
      return { result: undefined, events: changed.length > 0 ? [domainEvent(type, { aggregateId: id, actorId, payload: { subscriptionId: id } })] : [] };
    });
  }

  async suppressions(): Promise<{ email: string; reason: string; smtpResponse: string | null; suppressedAt: string }[]> {
    const rows: { email: string; reason: string; smtpResponse: string | null; suppressedAt: Date }[] = await this.dataSource.query(
      `SELECT email, reason, smtp_response AS "smtpResponse", suppressed_at AS "suppressedAt" FROM email_suppressions ORDER BY suppressed_at DESC, email LIMIT 1000`,
    );
    return rows.map((row) => ({ ...row, suppressedAt: londonDateTime(row.suppressedAt) }));
  }

  /** Forgets that an address bounced for good; the event keeps who lifted it and when, in the audit trail. */
  async liftSuppression(email: string, actorId: string): Promise<void> {
    const address = email.toLowerCase();
    const lifted = await transactionWithEvents(this.dataSource, async (transaction) => {
      const [rows]: [{ reason: string }[], number] = await transaction.query(`DELETE FROM email_suppressions WHERE email = $1 RETURNING reason`, [address]);
      const [row] = rows;
      if (!row) return { result: false, events: [] };
      return { result: true, events: [domainEvent('email.suppression_lifted', { aggregateId: address, actorId, payload: { email: address, reason: row.reason } })] };
    });
    if (!lifted) throw new NotFoundException(`No email to ${address} is suppressed.`);
  }
}
