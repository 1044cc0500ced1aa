import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { SubscriptionResponse } from '../../http/subscription.dto.js';

export class MySubscriptionsQuery extends Query<SubscriptionResponse[]> {
  constructor(readonly caller: Caller) {
    super();
  }
}
