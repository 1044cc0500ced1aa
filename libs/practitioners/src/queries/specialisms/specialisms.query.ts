import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { SpecialismResponse } from '../../http/profile.dto.js';

/** The specialisms the caller may use: the shared ones and their partnerships' own. */
export class SpecialismsQuery extends Query<SpecialismResponse[]> {
  constructor(readonly caller: Caller) {
    super();
  }
}
