import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SubscriptionResponse } from '../../http/subscription.dto.js';
import { SUBSCRIPTION_COLUMNS } from '../../persistence/subscriptions.sql.js';
import { MySubscriptionsQuery } from './my-subscriptions.query.js';

@QueryHandler(MySubscriptionsQuery)
export class MySubscriptionsHandler implements IQueryHandler<MySubscriptionsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  execute({ caller }: MySubscriptionsQuery): Promise<SubscriptionResponse[]> {
    return this.dataSource.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE user_id = $1 AND status <> 'cancelled' ORDER BY created_at, id`, [caller.id]);
  }
}
