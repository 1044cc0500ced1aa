import { Command } from '@nestjs/cqrs';

/** An email's one-click unsubscribe link (RFC 8058): no sign-in. */
export class UnsubscribeCommand extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
