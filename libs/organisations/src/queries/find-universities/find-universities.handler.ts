import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { likeContaining, type Page, pageByName } from '#libs/http';
import { FindUniversitiesQuery } from './find-universities.query.js';
import { University } from '../../persistence/university.entity.js';
import type { UniversityResponse } from '../../http/university.dto.js';
import { toUniversityResponse } from '../../http/university.mapper.js';

@QueryHandler(FindUniversitiesQuery)
export class FindUniversitiesHandler implements IQueryHandler<FindUniversitiesQuery> {
  constructor(@InjectRepository(University) private readonly universities: Repository<University>) {}

  async execute({ params }: FindUniversitiesQuery): Promise<Page<UniversityResponse>> {
    const query = this.universities.createQueryBuilder('university');
    if (params.name) query.andWhere('university.name ILIKE :name', { name: likeContaining(params.name) });
    return pageByName(query, params, toUniversityResponse);
  }
}
