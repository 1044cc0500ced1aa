import type { EntityManager } from 'typeorm';
import type { DigestFrequency } from './digest-period.js';
import { digestItem, subscriberMaySee, subscriptionAsksFor } from './subscription-match.sql.js';

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
  // The statement's estimates are poor enough that PostgreSQL compiles it with JIT, which takes
  // longer (about 100 ms) than running it does; a digest run plans a batch at a time, so it always would.
  await db.query('SET LOCAL jit = off');
  const [planned]: { count: string }[] = await db.query(
    `WITH subs AS (
       SELECT id, email, user_id, last_position, types, host_organisation_ids, specialisms, partnership_id
       FROM subscriptions WHERE id = ANY($1::uuid[]) AND status = 'confirmed' AND frequency = $2
     ), fresh AS (
       SELECT DISTINCT ON (o.id) e.position, o.id, o.title, o.type, o.host_university_id, o.host_council_id,
              o.required_specialisms, o.partnership_id, o.first_session_at, ${digestItem('o', 'p.name', '$4')} AS item
       FROM outbox_events e
       JOIN opportunities o ON o.id = e.aggregate_id::uuid AND o.status = 'published' AND o.closes_at > now()
       JOIN partnerships p ON p.id = o.partnership_id
       WHERE e.type = 'opportunity.published' AND e.position > (SELECT min(last_position) FROM subs)
         -- Positions are taken before commit, so a lower one can commit after a higher one: the
         -- youngest events wait for the next digest rather than be passed over for good.
         AND e.occurred_at < now() - make_interval(secs => $6)
       ORDER BY o.id, e.position DESC
     ), items AS (
       -- Each opportunity as a digest lists it, made once rather than once per subscriber it matches.
       SELECT jsonb_object_agg(id, item) AS by_id, array_agg(DISTINCT partnership_id) AS partnership_ids FROM fresh
     ), digests AS (
       -- Per subscription, so each sorts only its own matches: one sort of every pair in the batch spills to disk.
       SELECT s.id AS subscription_id, m.last_position, m.total, m.shown
       FROM subs s CROSS JOIN items CROSS JOIN LATERAL (
         -- Whether a person may see a partnership's opportunities takes lookups: made once per partnership, not per opportunity.
         SELECT ARRAY(SELECT p.id FROM unnest(items.partnership_ids) AS p (id) WHERE ${subscriberMaySee('s', 'p.id')}) AS ids
       ) seen CROSS JOIN LATERAL (
         SELECT max(f.position) AS last_position, count(*) AS total,
           -- Narrow rows to sort: the items are looked up for the ten shown only.
           (array_agg(f.id ORDER BY f.first_session_at NULLS LAST, f.id))[1:${DIGEST_ITEMS}] AS shown
         FROM fresh f WHERE f.position > s.last_position AND ${subscriptionAsksFor('s', 'f')} AND f.partnership_id = ANY (seen.ids)
       ) m
       WHERE m.total > 0
     ), inserted AS (
       INSERT INTO sent_messages (event_key, recipient, template, params, user_id)
       SELECT 'digest-' || $3 || '-' || d.subscription_id, s.email, 'digest',
         jsonb_build_object('subscriptionId', d.subscription_id, 'frequency', $2::text, 'total', d.total,
           'opportunities', (SELECT jsonb_agg(items.by_id -> shown.id::text ORDER BY shown.n) FROM unnest(d.shown) WITH ORDINALITY AS shown (id, n)),
           'moreLink', $5::text), s.user_id
       FROM digests d JOIN subs s ON s.id = d.subscription_id CROSS JOIN items
       ON CONFLICT (event_key, lower(recipient), template) DO NOTHING
       RETURNING (params ->> 'subscriptionId')::uuid AS subscription_id
     ), advanced AS (
       UPDATE subscriptions s SET last_position = d.last_position
       FROM digests d JOIN inserted i ON i.subscription_id = d.subscription_id
       WHERE s.id = d.subscription_id
       RETURNING s.id
     )
     SELECT count(*) FROM advanced`,
    [batch.subscriptionIds, batch.frequency, batch.period, links.opportunity, links.all, quietSeconds],
  );
  return Number(planned!.count);
}
