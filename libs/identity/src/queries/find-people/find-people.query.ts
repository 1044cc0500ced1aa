import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/http';
import type { Caller } from '../../domain/caller.js';
import type { PeopleListParams, PersonResponse } from '../../http/people.dto.js';

export class FindPeopleQuery extends Query<Page<PersonResponse>> {
  constructor(
    readonly params: PeopleListParams,
    readonly caller: Caller,
  ) {
    super();
  }
}
