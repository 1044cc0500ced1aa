export { type Caller, canSeePartnership, isAdmin } from './domain/caller.js';
export { PartnershipDirectory } from './domain/partnership-directory.js';
export { type Role } from './domain/role.js';
export { ApiSignedIn, BEARER_SCHEME, CurrentCaller, Public, Roles } from './http/access.decorators.js';
export { IdentityConfig } from './identity.config.js';
export { IdentityModule } from './identity.module.js';
export { User } from './persistence/user.entity.js';
