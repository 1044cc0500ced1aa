import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MatchResponse } from '../../http/match.dto.js';
import { toMatchResponse } from '../../http/match.mapper.js';
import { Match } from '../../persistence/match.entity.js';
import { MyMatchesQuery } from './my-matches.query.js';

@QueryHandler(MyMatchesQuery)
export class MyMatchesHandler implements IQueryHandler<MyMatchesQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ practitionerId }: MyMatchesQuery): Promise<MatchResponse[]> {
    return (await this.dataSource.manager.find(Match, { where: { practitionerId }, order: { proposedAt: 'DESC' } })).map(toMatchResponse);
  }
}
