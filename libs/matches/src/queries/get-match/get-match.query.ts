import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { MatchDetails } from '../../http/decisions.dto.js';

/** One match with who it is about and its opportunity's places, for its practitioner, hosts and leads. */
export class GetMatchQuery extends Query<MatchDetails> {
  constructor(
    readonly matchId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
