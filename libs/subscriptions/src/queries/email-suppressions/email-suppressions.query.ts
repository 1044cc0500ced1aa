import { Query } from '@nestjs/cqrs';
import type { SuppressionResponse } from '../../http/subscription.dto.js';

/** Addresses no email goes to any more, newest first. */
export class EmailSuppressionsQuery extends Query<SuppressionResponse[]> {}
