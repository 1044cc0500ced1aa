import type { EntityManager } from 'typeorm';
import type { SubscriptionFilters, SubscriptionResponse } from '../http/subscription.dto.js';

export type SubscriptionStatus = 'pending' | 'confirmed' | 'cancelled';

export const SUBSCRIPTION_COLUMNS = `id, email, frequency, types, host_organisation_ids AS "hostOrganisationIds", specialisms, partnership_id AS "partnershipId", status`;

/** A new subscription; one naming a partnership that does not exist fails as a foreign key violation. */
export async function insertSubscription(
  transaction: EntityManager,
  filters: SubscriptionFilters,
  who: { email: string; userId: string | null; status: 'pending' | 'confirmed' },
): Promise<SubscriptionResponse> {
  // New subscribers hear of what is published from now on, not of everything before.
  const [row]: SubscriptionResponse[] = await transaction.query(
    `INSERT INTO subscriptions (email, user_id, frequency, types, host_organisation_ids, specialisms, partnership_id, status, confirmed_at, last_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 = 'confirmed' THEN now() END, (SELECT coalesce(max(position), 0) FROM outbox_events))
     RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [who.email, who.userId, filters.frequency, filters.types ?? [], filters.hostOrganisationIds ?? [], filters.specialisms ?? [], filters.partnershipId ?? null, who.status],
  );
  return row!;
}

/** Moves subscription `id` to `status` if it is in one of `from`; answers whether it moved. */
export async function changeSubscriptionStatus(
  transaction: EntityManager,
  id: string,
  status: 'confirmed' | 'cancelled',
  from: SubscriptionStatus[],
): Promise<boolean> {
  // An UPDATE answers [rows, count].
  const [changed]: [unknown[], number] = await transaction.query(
    `UPDATE subscriptions SET status = $2, confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
       cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE cancelled_at END
     WHERE id = $1 AND status = ANY($3) RETURNING id`,
    [id, status, from],
  );
  return changed.length > 0;
}
