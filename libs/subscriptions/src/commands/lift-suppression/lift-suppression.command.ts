import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';

export class LiftSuppressionCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
