import { Query } from '@nestjs/cqrs';
import type { PublicPartnershipResponse } from '../../http/partnership.dto.js';

export class GetPublicPartnershipQuery extends Query<PublicPartnershipResponse> {
  constructor(readonly id: string) {
    super();
  }
}
