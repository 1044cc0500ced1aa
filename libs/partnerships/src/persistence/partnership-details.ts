import type { EntityManager } from 'typeorm';
import { londonDateTime } from '#libs/http';
import type { OrganisationType } from '../domain/organisation-type.js';
import type { PartnershipLeadResponse, PartnershipMemberResponse, PartnershipResponse } from '../http/partnership.dto.js';
import { toPartnershipResponse } from '../http/partnership.mapper.js';
import type { Partnership } from './partnership.entity.js';

interface MemberRow {
  partnership_id: string;
  organisation_type: OrganisationType;
  organisation_id: string;
  name: string;
  joined_at: Date;
}

/** The members of each partnership, with their names, in one query for a whole page. */
async function membersOf(manager: EntityManager, partnershipIds: string[]): Promise<Map<string, PartnershipMemberResponse[]>> {
  const members = new Map<string, PartnershipMemberResponse[]>(partnershipIds.map((id) => [id, []]));
  if (partnershipIds.length === 0) return members;
  const rows: MemberRow[] = await manager.query(
    `SELECT m.partnership_id,
            CASE WHEN m.university_id IS NOT NULL THEN 'university' ELSE 'council' END AS organisation_type,
            coalesce(m.university_id, m.council_id) AS organisation_id,
            coalesce(u.name, c.name) AS name,
            m.joined_at
       FROM partnership_members m
       LEFT JOIN universities u ON u.id = m.university_id
       LEFT JOIN councils c ON c.id = m.council_id
      WHERE m.partnership_id = ANY($1)
      ORDER BY organisation_type DESC, name`,
    [partnershipIds],
  );
  for (const row of rows) {
    members.get(row.partnership_id)!.push({
      organisationType: row.organisation_type,
      organisationId: row.organisation_id,
      name: row.name,
      joinedAt: londonDateTime(row.joined_at),
    });
  }
  return members;
}

/** The leads of each partnership, by name. */
async function leadsOf(manager: EntityManager, partnershipIds: string[]): Promise<Map<string, PartnershipLeadResponse[]>> {
  const leads = new Map<string, PartnershipLeadResponse[]>(partnershipIds.map((id) => [id, []]));
  if (partnershipIds.length === 0) return leads;
  const rows: { partnership_id: string; user_id: string; display_name: string }[] = await manager.query(
    `SELECT l.partnership_id, l.user_id, u.display_name
       FROM partnership_leads l JOIN users u ON u.id = l.user_id
      WHERE l.partnership_id = ANY($1)
      ORDER BY u.display_name`,
    [partnershipIds],
  );
  for (const row of rows) leads.get(row.partnership_id)!.push({ userId: row.user_id, displayName: row.display_name });
  return leads;
}

/** Partnerships as the API shows them, with their members and leads: two queries for any number. */
export async function detailsOf(manager: EntityManager, partnerships: Partnership[]): Promise<PartnershipResponse[]> {
  const ids = partnerships.map((partnership) => partnership.id);
  const [members, leads] = await Promise.all([membersOf(manager, ids), leadsOf(manager, ids)]);
  return partnerships.map((partnership) => toPartnershipResponse(partnership, members.get(partnership.id)!, leads.get(partnership.id)!));
}

export async function detailOf(manager: EntityManager, partnership: Partnership): Promise<PartnershipResponse> {
  return (await detailsOf(manager, [partnership]))[0]!;
}
