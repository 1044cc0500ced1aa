import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { likeContaining, type Page, pageByName } from '#libs/http';
import { Council } from '../../persistence/council.entity.js';
import type { CouncilResponse } from '../../http/council.dto.js';
import { toCouncilResponse } from '../../http/council.mapper.js';
import { FindCouncilsQuery } from './find-councils.query.js';

@QueryHandler(FindCouncilsQuery)
export class FindCouncilsHandler implements IQueryHandler<FindCouncilsQuery> {
  constructor(@InjectRepository(Council) private readonly councils: Repository<Council>) {}

  async execute({ params }: FindCouncilsQuery): Promise<Page<CouncilResponse>> {
    const query = this.councils.createQueryBuilder('council');
    if (params.name) query.andWhere('council.name ILIKE :name', { name: likeContaining(params.name) });
    if (params.region) query.andWhere('council.region = :region', { region: params.region });
    if (params.kind) query.andWhere('council.kind = :kind', { kind: params.kind });
    return pageByName(query, params, toCouncilResponse);
  }
}
