export { academicsMayProposeMatches, listsPublicly } from './domain/partnership-policy.js';
export { PartnershipsModule } from './partnerships.module.js';
