import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Page, pageOf } from '#libs/http';
import { listsPublicly } from '#libs/partnerships';
import type { PublicOpportunityResponse } from '../../http/public-opportunity.dto.js';
import { toPublicOpportunity } from '../../http/public-opportunity.mapper.js';
import { afterCursor } from '../../persistence/opportunity-cursor.js';
import { Opportunity } from '../../persistence/opportunity.entity.js';
import { toOpportunityResponses } from '../../persistence/opportunity.read.js';
import { FindPublicOpportunitiesQuery } from './find-public-opportunities.query.js';

@QueryHandler(FindPublicOpportunitiesQuery)
export class FindPublicOpportunitiesHandler implements IQueryHandler<FindPublicOpportunitiesQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ partnershipId, params }: FindPublicOpportunitiesQuery): Promise<Page<PublicOpportunityResponse>> {
    const manager = this.dataSource.manager;
    if (!(await listsPublicly(manager, partnershipId))) throw new NotFoundException(`No partnership with id ${partnershipId} lists publicly.`);
    // Open for applications: what someone reading the listing could still take part in.
    const query = manager
      .createQueryBuilder(Opportunity, 'o')
      .where(`o.partnership_id = :partnershipId AND o.status = 'published' AND o.closes_at > now()`, { partnershipId });
    const after = afterCursor(params.cursor);
    if (after) query.andWhere('(o.first_session_at, o.id) > (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    query.orderBy('o.first_session_at', 'ASC').addOrderBy('o.id', 'ASC').limit(params.limit + 1);
    const page = pageOf(await query.getMany(), params.limit, (row) => row, (row) => [row.firstSessionAt.toISOString(), row.id]);
    return { ...page, items: (await toOpportunityResponses(manager, page.items, null)).map(toPublicOpportunity) };
  }
}
