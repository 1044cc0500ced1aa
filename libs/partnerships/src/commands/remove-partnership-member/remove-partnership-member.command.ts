import { Command } from '@nestjs/cqrs';

export class RemovePartnershipMemberCommand extends Command<void> {
  constructor(
    readonly partnershipId: string,
    readonly organisationId: string,
    readonly actorId: string | null = null,
  ) {
    super();
  }
}
