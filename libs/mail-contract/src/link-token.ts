import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a link in an email lets its holder do, without signing in. */
export type LinkClaims =
  | { purpose: 'confirm'; subscriptionId: string }
  | { purpose: 'unsubscribe'; subscriptionId: string }
  | { purpose: 'unsubscribe'; userId: string; kind: string };

const signature = (secret: string, body: string) => createHmac('sha256', secret).update(`link:${body}`).digest('base64url');

/** `claims` in base64url JSON, then an HMAC of it: readable, but changed by no one without the secret. */
export function signLinkToken(secret: string, claims: LinkClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${signature(secret, body)}`;
}

/** The claims of a token this product signed for `purpose`, or null for anything else. */
export function verifyLinkToken<P extends LinkClaims['purpose']>(secret: string, token: string, purpose: P): Extract<LinkClaims, { purpose: P }> | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(signature(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkClaims;
    return claims.purpose === purpose ? (claims as Extract<LinkClaims, { purpose: P }>) : null;
  } catch {
    return null;
  }
}
