export { ApiSignedIn, BEARER_SCHEME, CurrentCaller, Public, Roles } from './access.decorators.js';
export { type Caller, canSeePartnership, isAdmin } from './caller.js';
export { IdentityConfig } from './identity.config.js';
export { IdentityModule } from './identity.module.js';
export { PartnershipDirectory } from './partnership-directory.js';
export { ROLES, type Role } from './role.js';
export { User } from './user.entity.js';
