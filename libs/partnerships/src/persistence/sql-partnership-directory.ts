import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PREPARED_SQL } from '#libs/database';
import { PartnershipDirectory } from '#libs/identity';

/** Answers identity's questions about partnerships from the membership and lead tables (both indexed by these lookups). */
@Injectable()
export class SqlPartnershipDirectory extends PartnershipDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async partnershipsOf(person: { id: string; universityId: string | null; councilId: string | null }): Promise<string[]> {
    const rows: { partnership_id: string }[] = await this.dataSource.query(
      `${PREPARED_SQL}SELECT partnership_id FROM partnership_members WHERE university_id = $1 OR council_id = $2
       UNION
       SELECT partnership_id FROM partnership_leads WHERE user_id = $3`,
      [person.universityId, person.councilId, person.id],
    );
    return rows.map((row) => row.partnership_id);
  }

  async partnershipsOfOrganisation(organisationId: string): Promise<string[]> {
    const rows: { partnership_id: string }[] = await this.dataSource.query(
      `SELECT partnership_id FROM partnership_members WHERE university_id = $1 OR council_id = $1`,
      [organisationId],
    );
    return rows.map((row) => row.partnership_id);
  }

  async memberKind(partnershipId: string, organisationId: string): Promise<'university' | 'council' | null> {
    const [row]: { university_id: string | null }[] = await this.dataSource.query(
      `SELECT university_id FROM partnership_members WHERE partnership_id = $1 AND (university_id = $2 OR council_id = $2)`,
      [partnershipId, organisationId],
    );
    return row ? (row.university_id ? 'university' : 'council') : null;
  }
}
