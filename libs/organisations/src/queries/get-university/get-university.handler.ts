import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GetUniversityQuery } from './get-university.query.js';
import { University } from '../../persistence/university.entity.js';
import type { UniversityResponse } from '../../http/university.dto.js';
import { toUniversityResponse } from '../../http/university.mapper.js';

@QueryHandler(GetUniversityQuery)
export class GetUniversityHandler implements IQueryHandler<GetUniversityQuery> {
  constructor(@InjectRepository(University) private readonly universities: Repository<University>) {}

  async execute({ id }: GetUniversityQuery): Promise<UniversityResponse> {
    const university = await this.universities.findOneBy({ id });
    if (!university) throw new NotFoundException(`No university has id ${id}.`);
    return toUniversityResponse(university);
  }
}
