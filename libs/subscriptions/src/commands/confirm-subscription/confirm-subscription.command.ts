import { Command } from '@nestjs/cqrs';

/** The link in the confirmation email (double opt-in). */
export class ConfirmSubscriptionCommand extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
