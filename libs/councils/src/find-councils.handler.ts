import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { nameIdCursor, type Page, pageOf } from '#libs/http';
import { Council } from './council.entity.js';
import type { CouncilResponse } from './council.dto.js';
import { toCouncilResponse } from './council.mapper.js';
import { FindCouncilsQuery } from './find-councils.query.js';

@QueryHandler(FindCouncilsQuery)
export class FindCouncilsHandler implements IQueryHandler<FindCouncilsQuery> {
  constructor(@InjectRepository(Council) private readonly councils: Repository<Council>) {}

  async execute({ params }: FindCouncilsQuery): Promise<Page<CouncilResponse>> {
    const after = nameIdCursor(params.cursor);
    const query = this.councils
      .createQueryBuilder('council')
      .orderBy('council.name')
      .addOrderBy('council.id')
      .limit(params.limit + 1);
    if (params.region) query.andWhere('council.region = :region', { region: params.region });
    if (params.kind) query.andWhere('council.kind = :kind', { kind: params.kind });
    if (after) query.andWhere('(council.name, council.id) > (:afterName, :afterId)', { afterName: after.name, afterId: after.id });
    const rows = await query.getMany();
    return pageOf(rows, params.limit, toCouncilResponse, (row) => [row.name, row.id]);
  }
}
