import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';

export class CancelSubscriptionCommand extends Command<void> {
  constructor(
    readonly subscriptionId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
