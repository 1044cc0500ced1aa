import type { EntityManager } from 'typeorm';
import { likeContaining, londonDateTime, nameIdCursor, type Page, pageOf } from '#libs/http';
import type { Role } from '../domain/role.js';
import type { PeopleListParams, PersonResponse, PersonStatus } from '../http/people.dto.js';

interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  university_id: string | null;
  council_id: string | null;
  organisation_name: string | null;
  status: PersonStatus;
  created_at: Date;
  activated_at: Date | null;
  invitation_id: string | null;
  invitation_sent_at: Date | null;
  invitation_expires_at: Date | null;
}

/** SQL true for the people of `partnerships` (a uuid[] parameter): their member organisations' people, and their leads. */
export function inPartnerships(partnerships: string): string {
  return `(p.university_id IN (SELECT m.university_id FROM partnership_members m WHERE m.partnership_id = ANY(${partnerships}))
        OR p.council_id IN (SELECT m.council_id FROM partnership_members m WHERE m.partnership_id = ANY(${partnerships}))
        OR p.id IN (SELECT l.user_id FROM partnership_leads l WHERE l.partnership_id = ANY(${partnerships})))`;
}

/**
 * Everyone with their organisation and where their invitation stands: one row a person, whose
 * open invitation is the newest one not yet accepted (a re-send replaces the one before).
 */
const PEOPLE = `
  SELECT u.id, u.display_name AS name, u.email, u.role, u.university_id, u.council_id, u.created_at,
         COALESCE(un.name, c.name) AS organisation_name,
         CASE WHEN u.password_hash IS NOT NULL THEN 'active' WHEN i.expires_at > now() THEN 'invited' ELSE 'expired' END AS status,
         CASE WHEN u.password_hash IS NOT NULL
              THEN COALESCE((SELECT max(a.accepted_at) FROM invitations a WHERE a.user_id = u.id), u.created_at) END AS activated_at,
         CASE WHEN u.password_hash IS NULL THEN i.id END AS invitation_id,
         CASE WHEN u.password_hash IS NULL THEN i.created_at END AS invitation_sent_at,
         CASE WHEN u.password_hash IS NULL THEN i.expires_at END AS invitation_expires_at
    FROM users u
    LEFT JOIN universities un ON un.id = u.university_id
    LEFT JOIN councils c ON c.id = u.council_id
    LEFT JOIN LATERAL (
      SELECT id, created_at, expires_at FROM invitations WHERE user_id = u.id AND accepted_at IS NULL ORDER BY created_at DESC LIMIT 1
    ) i ON true`;

/** A page of people by name; `visibleIn` limits them to the people of those partnerships (undefined: everyone, for an admin). */
export async function peoplePage(
  manager: EntityManager,
  params: PeopleListParams & { id?: string },
  visibleIn: string[] | undefined,
): Promise<Page<PersonResponse>> {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const parameter = (value: unknown) => `$${values.push(value)}`;
  if (params.id) conditions.push(`p.id = ${parameter(params.id)}`);
  if (visibleIn) conditions.push(inPartnerships(`${parameter(visibleIn)}::uuid[]`));
  if (params.partnershipId) conditions.push(inPartnerships(`${parameter([params.partnershipId])}::uuid[]`));
  if (params.role) conditions.push(`p.role = ${parameter(params.role)}`);
  if (params.status) conditions.push(`p.status = ${parameter(params.status)}`);
  if (params.organisationId) {
    const organisation = parameter(params.organisationId);
    conditions.push(`(p.university_id = ${organisation} OR p.council_id = ${organisation})`);
  }
  if (params.q) {
    const words = parameter(likeContaining(params.q));
    conditions.push(`(p.name ILIKE ${words} OR p.email ILIKE ${words})`);
  }
  const after = nameIdCursor(params.cursor);
  if (after) conditions.push(`(p.name, p.id) > (${parameter(after.name)}, ${parameter(after.id)})`);
  const rows: PersonRow[] = await manager.query(
    `SELECT * FROM (${PEOPLE}) p
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY p.name, p.id
      LIMIT ${parameter(params.limit + 1)}`,
    values,
  );
  return pageOf(rows, params.limit, toPersonResponse, (row) => [row.name, row.id]);
}

function toPersonResponse(row: PersonRow): PersonResponse {
  const organisationId = row.university_id ?? row.council_id;
  return {
    id: row.id,
    displayName: row.name,
    email: row.email,
    role: row.role,
    organisation: organisationId ? { type: row.university_id ? 'university' : 'council', id: organisationId, name: row.organisation_name ?? '' } : null,
    status: row.status,
    invitedAt: londonDateTime(row.created_at),
    activatedAt: row.activated_at ? londonDateTime(row.activated_at) : null,
    invitation:
      row.invitation_id && row.invitation_sent_at && row.invitation_expires_at
        ? { id: row.invitation_id, sentAt: londonDateTime(row.invitation_sent_at), expiresAt: londonDateTime(row.invitation_expires_at) }
        : null,
  };
}
