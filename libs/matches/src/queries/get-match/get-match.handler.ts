import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MatchDetails } from '../../http/decisions.dto.js';
import { visibleMatch } from '../../persistence/match-access.js';
import { matchDetails } from '../../persistence/match-details.js';
import { GetMatchQuery } from './get-match.query.js';

@QueryHandler(GetMatchQuery)
export class GetMatchHandler implements IQueryHandler<GetMatchQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ matchId, caller }: GetMatchQuery): Promise<MatchDetails> {
    const { match } = await visibleMatch(this.dataSource.manager, caller, matchId);
    return (await matchDetails(this.dataSource.manager, [match]))[0]!;
  }
}
