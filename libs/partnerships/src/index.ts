export { AddPartnershipMemberCommand } from './commands/add-partnership-member/add-partnership-member.command.js';
export { AppointLeadCommand } from './commands/appoint-lead/appoint-lead.command.js';
export { FormPartnershipCommand } from './commands/form-partnership/form-partnership.command.js';
export { RemoveLeadCommand } from './commands/remove-lead/remove-lead.command.js';
export { RemovePartnershipMemberCommand } from './commands/remove-partnership-member/remove-partnership-member.command.js';
export { ORGANISATION_TYPES, type OrganisationType } from './domain/organisation-type.js';
export { academicsMayProposeMatches, listsPublicly } from './domain/partnership-policy.js';
export { FormPartnershipRequest, type PartnershipResponse } from './http/partnership.dto.js';
export { PartnershipsModule } from './partnerships.module.js';
