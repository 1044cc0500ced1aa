import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Council } from '../../persistence/council.entity.js';
import type { CouncilResponse } from '../../http/council.dto.js';
import { toCouncilResponse } from '../../http/council.mapper.js';
import { GetCouncilQuery } from './get-council.query.js';

@QueryHandler(GetCouncilQuery)
export class GetCouncilHandler implements IQueryHandler<GetCouncilQuery> {
  constructor(@InjectRepository(Council) private readonly councils: Repository<Council>) {}

  async execute({ id }: GetCouncilQuery): Promise<CouncilResponse> {
    const council = await this.councils.findOneBy({ id });
    if (!council) throw new NotFoundException(`No council has id ${id}.`);
    return toCouncilResponse(council);
  }
}
