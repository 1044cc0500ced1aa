import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { SubscriptionFilters, SubscriptionResponse } from '../../http/subscription.dto.js';

export class SubscribeMeCommand extends Command<SubscriptionResponse> {
  constructor(
    readonly filters: SubscriptionFilters,
    readonly caller: Caller,
  ) {
    super();
  }
}
