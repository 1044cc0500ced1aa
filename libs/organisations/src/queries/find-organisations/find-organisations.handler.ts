import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { likeContaining, type Page, pageByName } from '#libs/http';
import type { OrganisationFilters } from '../../persistence/organisation-type.js';
import { FindOrganisationsQuery } from './find-organisations.query.js';

@QueryHandler(FindOrganisationsQuery)
export class FindOrganisationsHandler implements IQueryHandler<FindOrganisationsQuery<OrganisationFilters, unknown>> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute<Shown>({ type, params }: FindOrganisationsQuery<OrganisationFilters, Shown>): Promise<Page<Shown>> {
    const query = this.dataSource.getRepository(type.entity).createQueryBuilder(type.noun);
    if (params.name) query.andWhere(`${type.noun}.name ILIKE :name`, { name: likeContaining(params.name) });
    type.filter?.(query, params);
    return pageByName(query, params, (organisation) => type.show(organisation));
  }
}
