import { Command } from '@nestjs/cqrs';

/** Asked for by anyone with an email address: what happens is the same to them whether or not it has an account. */
export class RequestPasswordResetCommand extends Command<void> {
  constructor(readonly email: string) {
    super();
  }
}
