import { londonDateTime } from '#libs/http';
import type { Application } from '../persistence/application.entity.js';
import type { ApplicationResponse } from './application.dto.js';

/** The one place a stored application becomes what the API shows; every field listed on purpose. */
export function toApplicationResponse(application: Application): ApplicationResponse {
  return {
    id: application.id,
    opportunityId: application.opportunityId,
    practitionerId: application.practitionerId,
    statement: application.statement,
    status: application.status,
    submittedAt: londonDateTime(application.submittedAt),
    withdrawnAt: application.withdrawnAt ? londonDateTime(application.withdrawnAt) : null,
  };
}
