import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GetOrganisationQuery } from './get-organisation.query.js';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery<unknown>> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute<Shown>({ type, id }: GetOrganisationQuery<Shown>): Promise<Shown> {
    const organisation = await this.dataSource.manager.findOneBy(type.entity, { id });
    if (!organisation) throw new NotFoundException(`No ${type.noun} has id ${id}.`);
    return type.show(organisation);
  }
}
