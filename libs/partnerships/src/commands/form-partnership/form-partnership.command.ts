import { Command } from '@nestjs/cqrs';
import type { FormPartnershipRequest, PartnershipResponse } from '../../http/partnership.dto.js';

export class FormPartnershipCommand extends Command<PartnershipResponse> {
  constructor(
    readonly request: FormPartnershipRequest,
    readonly actorId: string | null = null,
  ) {
    super();
  }
}
