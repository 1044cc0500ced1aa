import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../domain/caller.js';
import type { PersonResponse } from '../../http/people.dto.js';

export class GetPersonQuery extends Query<PersonResponse> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
