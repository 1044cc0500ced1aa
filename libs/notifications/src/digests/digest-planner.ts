import type { EntityManager } from 'typeorm';
import type { DigestFrequency } from './digest-period.js';
import { digestItem, subscriptionWants } from './subscription-match.sql.js';

/** How many opportunities one digest lists; the rest are a link away. */
const DIGEST_ITEMS = 10;

export const digestKey = (period: string, subscriptionId: string) => `digest-${period}-${subscriptionId}`;

/**
 * For a batch of subscriptions, in one statement: the opportunities published since each was last
 * told (and still open) that match its filters; one digest message per subscription with any; and
 * each subscription's mark moved past what it was told, only where its message for the period is
 * new. Run twice for a period, it plans nothing the second time and moves no mark.
 */
export async function planDigests(
  db: EntityManager,
  batch: { frequency: DigestFrequency; period: string; subscriptionIds: string[] },
  links: { opportunity: string; all: string },
  quietSeconds: number,
): Promise<number> {
  const [planned]: { count: string }[] = await db.query(
    `WITH subs AS (
       SELECT id, email, user_id, last_position, types, host_organisation_ids, specialisms, partnership_id
       FROM subscriptions WHERE id = ANY($1::uuid[]) AND status = 'confirmed' AND frequency = $2
     ), fresh AS (
       SELECT DISTINCT ON (o.id) e.position, o.id, o.title, o.type, o.host_university_id, o.host_council_id,
              o.required_specialisms, o.partnership_id, o.first_session_at, o.closes_at, p.name AS partnership_name
       FROM outbox_events e
       JOIN opportunities o ON o.id = e.aggregate_id::uuid AND o.status = 'published' AND o.closes_at > now()
       JOIN partnerships p ON p.id = o.partnership_id
       WHERE e.type = 'opportunity.published' AND e.position > (SELECT min(last_position) FROM subs)
         -- Positions are taken before commit, so a lower one can commit after a higher one: the
         -- youngest events wait for the next digest rather than be passed over for good.
         AND e.occurred_at < now() - make_interval(secs => $6)
       ORDER BY o.id, e.position DESC
     ), matched AS (
       SELECT s.id AS subscription_id, s.email, s.user_id, f.*
       FROM subs s JOIN fresh f ON f.position > s.last_position AND ${subscriptionWants('s', 'f')}
     ), digests AS (
       SELECT subscription_id, email, user_id, max(position) AS last_position, count(*) AS total,
         (array_agg(${digestItem('matched', 'matched.partnership_name', '$4')}
            ORDER BY first_session_at NULLS LAST, id))[1:${DIGEST_ITEMS}] AS items
       FROM matched GROUP BY subscription_id, email, user_id
     ), inserted AS (
       INSERT INTO sent_messages (event_key, recipient, template, params, user_id)
       SELECT 'digest-' || $3 || '-' || subscription_id, email, 'digest',
         jsonb_build_object('subscriptionId', subscription_id, 'frequency', $2::text, 'total', total,
           'opportunities', to_jsonb(items), 'moreLink', $5::text), user_id
       FROM digests
       ON CONFLICT (event_key, lower(recipient), template) DO NOTHING
       RETURNING event_key
     ), advanced AS (
       UPDATE subscriptions s SET last_position = d.last_position
       FROM digests d JOIN inserted i ON i.event_key = 'digest-' || $3 || '-' || d.subscription_id
       WHERE s.id = d.subscription_id
       RETURNING s.id
     )
     SELECT count(*) FROM advanced`,
    [batch.subscriptionIds, batch.frequency, batch.period, links.opportunity, links.all, quietSeconds],
  );
  return Number(planned!.count);
}
