import { worksInPartnership } from '../persistence/audience.sql.js';

/**
 * Whether subscription `s` may be told of opportunity `o`: a person's, of their partnerships'
 * opportunities; an address without an account, of those of partnerships that list publicly.
 */
const subscriberMaySee = (s: string, o: string) => `
  CASE WHEN ${s}.user_id IS NULL
    THEN EXISTS (SELECT 1 FROM partnerships listed WHERE listed.id = ${o}.partnership_id AND listed.lists_publicly)
    ELSE EXISTS (SELECT 1 FROM users reader WHERE reader.id = ${s}.user_id AND ${worksInPartnership('reader', `${o}.partnership_id`)})
  END`;

/**
 * Whether subscription `s` asks for opportunity `o` and may see it (SQL over their columns): one rule
 * for digests and instant alerts.
 */
export const subscriptionWants = (s: string, o: string) => `
  (cardinality(${s}.types) = 0 OR ${o}.type = ANY (${s}.types))
  AND (cardinality(${s}.host_organisation_ids) = 0 OR ${o}.host_university_id = ANY (${s}.host_organisation_ids)
       OR ${o}.host_council_id = ANY (${s}.host_organisation_ids))
  AND (cardinality(${s}.specialisms) = 0 OR ${o}.required_specialisms && ${s}.specialisms)
  AND (${s}.partnership_id IS NULL OR ${o}.partnership_id = ${s}.partnership_id)
  AND ${subscriberMaySee(s, o)}`;

/** Opportunity `o` as a digest lists it (JSON); `linkBase` is the SQL of the link before its id. */
export const digestItem = (o: string, partnershipName: string, linkBase: string) =>
  `jsonb_build_object('title', ${o}.title, 'type', ${o}.type, 'partnershipName', ${partnershipName},
     'firstSessionAt', to_json(${o}.first_session_at) #>> '{}', 'closesAt', to_json(${o}.closes_at) #>> '{}', 'link', ${linkBase} || ${o}.id)`;
