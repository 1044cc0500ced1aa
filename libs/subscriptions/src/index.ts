export { type LinkClaims, signLinkToken, verifyLinkToken } from './link-token.js';
export { SubscriptionsModule } from './subscriptions.module.js';
export { DIGEST_FREQUENCIES, DIGEST_QUEUE, type DigestFrequency, type DigestRunJob, requestDigestRun } from './digest-requests.js';
