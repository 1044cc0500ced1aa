import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';

/**
 * The approved match's sessions as a calendar file (ICS), under the uid of the approval email's
 * invitation, so that opening both leaves one set of events.
 */
export class MatchCalendarQuery extends Query<string> {
  constructor(
    readonly matchId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
