import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { likeContaining, nameIdCursor, type Page, pageOf } from '#libs/http';
import { FindUniversitiesQuery } from './find-universities.query.js';
import { University } from './university.entity.js';
import type { UniversityResponse } from './university.dto.js';
import { toUniversityResponse } from './university.mapper.js';

@QueryHandler(FindUniversitiesQuery)
export class FindUniversitiesHandler implements IQueryHandler<FindUniversitiesQuery> {
  constructor(@InjectRepository(University) private readonly universities: Repository<University>) {}

  async execute({ params }: FindUniversitiesQuery): Promise<Page<UniversityResponse>> {
    const after = nameIdCursor(params.cursor);
    const query = this.universities
      .createQueryBuilder('university')
      .orderBy('university.name')
      .addOrderBy('university.id')
      .limit(params.limit + 1);
    if (params.name) query.andWhere('university.name ILIKE :name', { name: likeContaining(params.name) });
    if (after) query.andWhere('(university.name, university.id) > (:afterName, :afterId)', { afterName: after.name, afterId: after.id });
    const rows = await query.getMany();
    return pageOf(rows, params.limit, toUniversityResponse, (row) => [row.name, row.id]);
  }
}
