import { Command } from '@nestjs/cqrs';
import type { PartnershipResponse } from '../../http/partnership.dto.js';

export class AppointLeadCommand extends Command<PartnershipResponse> {
  constructor(
    readonly partnershipId: string,
    readonly userId: string,
    readonly actorId: string,
  ) {
    super();
  }
}
