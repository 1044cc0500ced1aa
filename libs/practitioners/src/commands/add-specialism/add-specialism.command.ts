import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { AddSpecialismRequest, SpecialismResponse } from '../../http/profile.dto.js';

export class AddSpecialismCommand extends Command<SpecialismResponse> {
  constructor(
    readonly partnershipId: string,
    readonly request: AddSpecialismRequest,
    readonly caller: Caller,
  ) {
    super();
  }
}
