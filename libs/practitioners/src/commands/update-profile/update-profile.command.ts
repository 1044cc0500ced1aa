import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { PractitionerProfileRequest, PractitionerProfileResponse } from '../../http/profile.dto.js';

export class UpdateProfileCommand extends Command<PractitionerProfileResponse> {
  constructor(
    readonly request: PractitionerProfileRequest,
    readonly practitioner: Caller,
  ) {
    super();
  }
}
