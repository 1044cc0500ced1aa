import { EMAIL_PREFERENCES, type LinkClaims, verifyLinkToken } from '#libs/mail-contract';

export type ConfirmationClaims = Extract<LinkClaims, { purpose: 'confirm' }>;
export type UnsubscribeClaims = Extract<LinkClaims, { purpose: 'unsubscribe' }>;

export const INVALID_CONFIRMATION_LINK = 'This confirmation link is not valid.';
export const INVALID_UNSUBSCRIBE_LINK = 'This unsubscribe link is not valid.';

/** The claims of a confirmation link; null for a link that was not signed here, or not for this. */
export function confirmationClaims(secret: string, token: string): ConfirmationClaims | null {
  return verifyLinkToken(secret, token, 'confirm');
}

/** The claims of an unsubscribe link; null for a link that was not signed here, or names no kind of email. */
export function unsubscribeClaims(secret: string, token: string): UnsubscribeClaims | null {
  const claims = verifyLinkToken(secret, token, 'unsubscribe');
  if (!claims || (!('subscriptionId' in claims) && !(EMAIL_PREFERENCES as string[]).includes(claims.kind))) return null;
  return claims;
}
