import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { ChangePartnershipSettingsRequest, PartnershipSettings } from '../../http/partnership-settings.dto.js';

export class ChangePartnershipSettingsCommand extends Command<PartnershipSettings> {
  constructor(
    readonly partnershipId: string,
    readonly changes: ChangePartnershipSettingsRequest,
    readonly caller: Caller,
  ) {
    super();
  }
}
