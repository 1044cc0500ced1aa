import { Command } from '@nestjs/cqrs';
import type { SubscribeRequest } from '../../http/subscription.dto.js';

/** Anyone subscribing an email address: the subscription waits for its confirmation link to be used. */
export class RequestSubscriptionCommand extends Command<void> {
  constructor(readonly request: SubscribeRequest) {
    super();
  }
}
