import { Command } from '@nestjs/cqrs';

export class RemoveLeadCommand extends Command<void> {
  constructor(
    readonly partnershipId: string,
    readonly userId: string,
    readonly actorId: string,
  ) {
    super();
  }
}
