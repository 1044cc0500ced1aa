import { worksInPartnership } from '../persistence/audience.sql.js';

/**
 * Whether subscription `s` may be told of partnership `partnershipId`'s opportunities (SQL): a person,
 * of their partnerships'; an address without an account, of those of partnerships that list publicly.
 * The one rule of who may see what, for digests and instant alerts.
 */
export const subscriberMaySee = (s: string, partnershipId: string) => `
  CASE WHEN ${s}.user_id IS NULL
    THEN EXISTS (SELECT 1 FROM partnerships listed WHERE listed.id = ${partnershipId} AND listed.lists_publicly)
    ELSE EXISTS (SELECT 1 FROM users reader WHERE reader.id = ${s}.user_id AND ${worksInPartnership('reader', partnershipId)})
  END`;

/** Whether the filters of subscription `s` ask for opportunity `o` (SQL over their columns), leaving aside who may see it. */
export const subscriptionAsksFor = (s: string, o: string) => `
  (cardinality(${s}.types) = 0 OR ${o}.type = ANY (${s}.types))
  AND (cardinality(${s}.host_organisation_ids) = 0 OR ${o}.host_university_id = ANY (${s}.host_organisation_ids)
       OR ${o}.host_council_id = ANY (${s}.host_organisation_ids))
  AND (cardinality(${s}.specialisms) = 0 OR ${o}.required_specialisms && ${s}.specialisms)
  AND (${s}.partnership_id IS NULL OR ${o}.partnership_id = ${s}.partnership_id)`;

/** Whether subscription `s` asks for opportunity `o` and may see it (SQL over their columns). */
export const subscriptionWants = (s: string, o: string) => `
  ${subscriptionAsksFor(s, o)}
  AND ${subscriberMaySee(s, `${o}.partnership_id`)}`;

/** Opportunity `o` as a digest lists it (JSON); `linkBase` is the SQL of the link before its id. */
export const digestItem = (o: string, partnershipName: string, linkBase: string) =>
  `jsonb_build_object('title', ${o}.title, 'type', ${o}.type, 'partnershipName', ${partnershipName},
     'firstSessionAt', to_json(${o}.first_session_at) #>> '{}', 'closesAt', to_json(${o}.closes_at) #>> '{}', 'link', ${linkBase} || ${o}.id)`;
