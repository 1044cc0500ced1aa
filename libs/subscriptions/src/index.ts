export { type LinkClaims, signLinkToken, verifyLinkToken } from './link-token.js';
export { SubscriptionsModule } from './subscriptions.module.js';
