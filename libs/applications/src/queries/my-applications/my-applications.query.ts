import { Query } from '@nestjs/cqrs';
import type { ApplicationResponse } from '../../http/application.dto.js';

/** A practitioner's own applications, newest first. */
export class MyApplicationsQuery extends Query<ApplicationResponse[]> {
  constructor(readonly practitionerId: string) {
    super();
  }
}
