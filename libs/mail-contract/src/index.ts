// What the API and the notification worker share about email, free of Nest modules and entities,
// so the worker loads none of the API's contexts.
export { DIGEST_FREQUENCIES, DIGEST_QUEUE, type DigestFrequency, type DigestRunJob, requestDigestRun } from './digest-requests.js';
export { invitationToken } from './invitation-token.js';
export { passwordResetToken } from './password-reset-token.js';
export { type LinkClaims, signLinkToken, verifyLinkToken } from './link-token.js';
export { EMAIL_PREFERENCE_DEFAULTS, EMAIL_PREFERENCES, type EmailPreference } from './email-preferences.js';
export { DEVELOPMENT_LINK_SECRET, LinkSecret } from './link-secret.js';
