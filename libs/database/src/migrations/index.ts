import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Partnerships1764100000000 } from './1764100000000-partnerships.js';
import { Identity1764200000000 } from './1764200000000-identity.js';
import { PractitionerProfiles1764300000000 } from './1764300000000-practitioner-profiles.js';
import { Opportunities1764400000000 } from './1764400000000-opportunities.js';
import { OpportunitySearch1764500000000 } from './1764500000000-opportunity-search.js';
import { Applications1764600000000 } from './1764600000000-applications.js';
import { Matches1764700000000 } from './1764700000000-matches.js';
import { PartnershipSettings1764810000000 } from './1764810000000-partnership-settings.js';
import { CallerAccessNotify1764820000000 } from './1764820000000-caller-access-notify.js';
import { Recommendations1764900000000 } from './1764900000000-recommendations.js';
import { ProfileCouncils1764950000000 } from './1764950000000-profile-councils.js';
import { Notifications1765000000000 } from './1765000000000-notifications.js';
import { Subscriptions1765100000000 } from './1765100000000-subscriptions.js';
import { RefreshTokens1765200000000 } from './1765200000000-refresh-tokens.js';
import { RefreshTokenRevocation1765210000000 } from './1765210000000-refresh-token-revocation.js';
import { PublicListing1765300000000 } from './1765300000000-public-listing.js';
import { InvitationsByUser1765310000000 } from './1765310000000-invitations-by-user.js';
import { PasswordResets1765320000000 } from './1765320000000-password-resets.js';
import { OutboxReconciliation1765330000000 } from './1765330000000-outbox-reconciliation.js';
import { IdempotencyKeys1765400000000 } from './1765400000000-idempotency-keys.js';
import { RateLimits1765500000000 } from './1765500000000-rate-limits.js';
import { ProfilesByCouncilAndId1765600000000 } from './1765600000000-profiles-by-council-and-id.js';

/** Every migration, oldest first. A new one is added here after `npm run migration:generate`. */
export const migrations = [
  Foundation1764000000000,
  Partnerships1764100000000,
  Identity1764200000000,
  PractitionerProfiles1764300000000,
  Opportunities1764400000000,
  OpportunitySearch1764500000000,
  Applications1764600000000,
  Matches1764700000000,
  PartnershipSettings1764810000000,
  CallerAccessNotify1764820000000,
  Recommendations1764900000000,
  ProfileCouncils1764950000000,
  Notifications1765000000000,
  Subscriptions1765100000000,
  RefreshTokens1765200000000,
  RefreshTokenRevocation1765210000000,
  PublicListing1765300000000,
  InvitationsByUser1765310000000,
  PasswordResets1765320000000,
  OutboxReconciliation1765330000000,
  IdempotencyKeys1765400000000,
  RateLimits1765500000000,
  ProfilesByCouncilAndId1765600000000,
];
