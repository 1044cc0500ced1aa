import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { PartnershipSettings } from '../../http/partnership-settings.dto.js';

export class GetPartnershipSettingsQuery extends Query<PartnershipSettings> {
  constructor(
    readonly partnershipId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
