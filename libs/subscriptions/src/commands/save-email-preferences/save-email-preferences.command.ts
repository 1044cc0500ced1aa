import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { EmailPreferences } from '../../http/subscription.dto.js';

export class SaveEmailPreferencesCommand extends Command<EmailPreferences> {
  constructor(
    readonly preferences: EmailPreferences,
    readonly caller: Caller,
  ) {
    super();
  }
}
