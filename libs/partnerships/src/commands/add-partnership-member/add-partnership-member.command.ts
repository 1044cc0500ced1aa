import { Command } from '@nestjs/cqrs';
import type { OrganisationType } from '../../domain/organisation-type.js';
import type { PartnershipResponse } from '../../http/partnership.dto.js';

export class AddPartnershipMemberCommand extends Command<PartnershipResponse> {
  constructor(
    readonly partnershipId: string,
    readonly organisationType: OrganisationType,
    readonly organisationId: string,
    readonly actorId: string | null = null,
  ) {
    super();
  }
}
