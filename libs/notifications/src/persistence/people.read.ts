import type { EntityManager } from 'typeorm';
import { worksInPartnership } from './audience.sql.js';

export interface Person {
  id: string;
  email: string;
  name: string;
}

export interface OpportunityFacts {
  id: string;
  title: string;
  partnershipId: string;
  partnershipName: string;
  cancellationReason: string | null;
}

const PERSON = `u.id, u.email, u.display_name AS name`;

/** Reads, by SQL, only what the emails need: who to tell and what to call things. */
export class PeopleRead {
  constructor(private readonly db: EntityManager) {}

  async opportunity(id: string): Promise<OpportunityFacts | null> {
    const [row] = await this.db.query<OpportunityFacts[]>(
      `SELECT o.id, o.title, o.partnership_id AS "partnershipId", p.name AS "partnershipName", o.cancellation_reason AS "cancellationReason"
       FROM opportunities o JOIN partnerships p ON p.id = o.partnership_id WHERE o.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async person(id: string): Promise<Person | null> {
    const [row] = await this.db.query<Person[]>(`SELECT ${PERSON} FROM users u WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  async openInvitation(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM invitations WHERE id = $1 AND accepted_at IS NULL AND expires_at > now()`, [id]);
    return rows.length > 0;
  }

  /** Not used, superseded or expired: a link to it would only say it has expired. */
  async openPasswordReset(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM password_resets WHERE id = $1 AND used_at IS NULL AND expires_at > now()`, [id]);
    return rows.length > 0;
  }

  /** The host: the academic who posted it, or when a lead posted it, the host university's academics. */
  hosts(opportunityId: string): Promise<Person[]> {
    return this.db.query(
      `SELECT ${PERSON} FROM opportunities o
       JOIN users creator ON creator.id = o.created_by
       JOIN users u ON u.role = 'academic' AND u.password_hash IS NOT NULL
         AND (CASE WHEN creator.role = 'academic' THEN u.id = creator.id ELSE u.university_id = o.host_university_id END)
       WHERE o.id = $1 ORDER BY u.email`,
      [opportunityId],
    );
  }

  leads(partnershipId: string): Promise<Person[]> {
    return this.db.query(
      `SELECT ${PERSON} FROM partnership_leads l JOIN users u ON u.id = l.user_id
       WHERE l.partnership_id = $1 AND u.password_hash IS NOT NULL ORDER BY u.email`,
      [partnershipId],
    );
  }

  /**
   * Of `practitionerIds`, those still recommended for the opportunity, still in its partnership, who asked for "recommended for
   * you" and were sent fewer than `perWeek` of them in the last seven days; with the reasons.
   */
  async recommendedAndAsking(opportunityId: string, practitionerIds: string[], perWeek: number): Promise<(Person & { reasons: string[] })[]> {
    // Counting under a lock per practitioner (taken in id order): two lists handled at once cannot both pass the cap.
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtext('recommended-for-you ' || id)) FROM (SELECT id FROM unnest($1::text[]) AS id ORDER BY id) AS ordered`,
      [practitionerIds],
    );
    return this.db.query(
      `SELECT ${PERSON}, r.reasons FROM recommendations r JOIN users u ON u.id = r.practitioner_id
       JOIN opportunities o ON o.id = r.opportunity_id
       WHERE r.opportunity_id = $1 AND r.practitioner_id = ANY ($2::uuid[])
         -- Ranked when they worked there; told only if they still do.
         AND ${worksInPartnership('u', 'o.partnership_id')}
         AND EXISTS (SELECT 1 FROM email_preferences e WHERE e.user_id = u.id AND e.kind = 'recommendations' AND e.enabled)
         AND (SELECT count(*) FROM sent_messages s
              WHERE lower(s.recipient) = lower(u.email) AND s.template = 'recommended-for-you' AND s.created_at > now() - interval '7 days') < $3
       ORDER BY u.email`,
      [opportunityId, practitionerIds, perWeek],
    );
  }

  /** Practitioners with a live application or an approved place. */
  involvedPractitioners(opportunityId: string): Promise<Person[]> {
    return this.db.query(
      `SELECT ${PERSON} FROM users u WHERE u.id IN (
         SELECT practitioner_id FROM applications WHERE opportunity_id = $1 AND status = 'submitted'
         UNION SELECT practitioner_id FROM matches WHERE opportunity_id = $1 AND status = 'approved')
       ORDER BY u.email`,
      [opportunityId],
    );
  }

  /** Applicants still waiting who did not get a place (those rejected have been told already). */
  applicantsNotChosen(opportunityId: string): Promise<Person[]> {
    return this.db.query(
      `SELECT ${PERSON} FROM applications a JOIN users u ON u.id = a.practitioner_id
       WHERE a.opportunity_id = $1 AND a.status = 'submitted'
         AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.opportunity_id = a.opportunity_id AND m.practitioner_id = a.practitioner_id AND m.status IN ('approved', 'rejected'))
       ORDER BY u.email`,
      [opportunityId],
    );
  }

  sessions(opportunityId: string): Promise<{ startsAt: string; endsAt: string; place: string | null; onlineLink: string | null }[]> {
    return this.db.query(
      `SELECT to_json(starts_at) #>> '{}' AS "startsAt", to_json(ends_at) #>> '{}' AS "endsAt", place, online_link AS "onlineLink"
       FROM opportunity_sessions WHERE opportunity_id = $1 ORDER BY starts_at`,
      [opportunityId],
    );
  }
}

/** Everyone once, and never the person who did the thing (they know). */
export const others = (people: Person[], actorId: string | null): Person[] =>
  people.filter((person, index) => person.id !== actorId && people.findIndex((p) => p.id === person.id) === index);
