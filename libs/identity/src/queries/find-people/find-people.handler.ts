import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '#libs/http';
import { isAdmin } from '../../domain/caller.js';
import type { PersonResponse } from '../../http/people.dto.js';
import { peoplePage } from '../../persistence/people.read.js';
import { FindPeopleQuery } from './find-people.query.js';

@QueryHandler(FindPeopleQuery)
export class FindPeopleHandler implements IQueryHandler<FindPeopleQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute({ params, caller }: FindPeopleQuery): Promise<Page<PersonResponse>> {
    if (isAdmin(caller)) return peoplePage(this.dataSource.manager, params, undefined);
    if (params.partnershipId && !caller.partnershipIds.includes(params.partnershipId)) {
      throw new NotFoundException(`No partnership has id ${params.partnershipId}.`);
    }
    return peoplePage(this.dataSource.manager, params, caller.partnershipIds);
  }
}
