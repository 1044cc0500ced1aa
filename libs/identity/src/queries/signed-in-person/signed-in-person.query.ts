import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../domain/caller.js';
import type { MeResponse } from '../../http/identity.dto.js';

export class SignedInPersonQuery extends Query<MeResponse> {
  constructor(readonly caller: Caller) {
    super();
  }
}
