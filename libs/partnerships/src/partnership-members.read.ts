import type { EntityManager } from 'typeorm';
import type { OrganisationType } from './partnership-member.entity.js';
import type { PartnershipMemberResponse } from './partnership.dto.js';

interface MemberRow {
  partnership_id: string;
  organisation_type: OrganisationType;
  organisation_id: string;
  name: string;
  joined_at: Date;
}

/** The members of each partnership, with their names, in one query for a whole page. */
export async function membersOf(manager: EntityManager, partnershipIds: string[]): Promise<Map<string, PartnershipMemberResponse[]>> {
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
      joinedAt: row.joined_at.toISOString(),
    });
  }
  return members;
}
