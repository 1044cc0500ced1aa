import { Command } from '@nestjs/cqrs';

export class CompletePasswordResetCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
