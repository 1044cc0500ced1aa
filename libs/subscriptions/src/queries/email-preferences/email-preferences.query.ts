import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { EmailPreferences } from '../../http/subscription.dto.js';

export class EmailPreferencesQuery extends Query<EmailPreferences> {
  constructor(readonly caller: Caller) {
    super();
  }
}
