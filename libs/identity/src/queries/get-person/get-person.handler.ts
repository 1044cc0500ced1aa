import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isAdmin } from '../../domain/caller.js';
import type { PersonResponse } from '../../http/people.dto.js';
import { peoplePage } from '../../persistence/people.read.js';
import { GetPersonQuery } from './get-person.query.js';

@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ id, caller }: GetPersonQuery): Promise<PersonResponse> {
    const page = await peoplePage(this.dataSource.manager, { id, limit: 1 }, isAdmin(caller) ? undefined : caller.partnershipIds);
    const person = page.items[0];
    if (!person) throw new NotFoundException(`No person has id ${id}.`);
    return person;
  }
}
