import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/identity';
import type { PractitionerProfileResponse } from '../../http/profile.dto.js';

export class MyProfileQuery extends Query<PractitionerProfileResponse> {
  constructor(readonly practitioner: Caller) {
    super();
  }
}
