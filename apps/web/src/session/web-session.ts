import type { FastifyRequest } from 'fastify';
import type { Schema } from '#libs/api-contract';

export type Role = Schema<'MeResponse'>['role'];

/** What the encrypted session cookie holds for a signed-in person. */
export interface SignedInSession {
  accessToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
  refreshToken?: string;
  person: { id: string; displayName: string; role: Role };
}

declare module '@fastify/secure-session' {
  interface SessionData {
    auth: SignedInSession;
    /** A flash message for the next page (a notification banner). */
    flash: { title?: string; heading: string; body?: string };
    /** Answers of question pages kept until their check-answers page is submitted, by form. */
    drafts: Record<string, unknown>;
  }
}

export function signedInSession(request: FastifyRequest): SignedInSession | undefined {
  return request.session.get('auth');
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length < 2000 ? value : undefined;
}

/**
 * The most the session may hold, as JSON: browsers drop a cookie over 4096 bytes, and encrypting,
 * base64 and URL-encoding make the cookie about 1.42 times the JSON (a margin is left for the rest).
 */
const SESSION_JSON_LIMIT = 2700;

/** The answers kept for one multi-page form, or undefined. */
export function draftOf<T>(request: FastifyRequest, key: string): T | undefined {
  return request.session.get('drafts')?.[key] as T | undefined;
}

/**
 * Keeps (or, with undefined, forgets) the answers of one multi-page form. False, with nothing
 * changed, when the session would no longer fit its cookie: the browser would drop it, and the
 * person would be signed out.
 */
export function keepDraft(request: FastifyRequest, key: string, answers: unknown): boolean {
  const before = request.session.get('drafts');
  const drafts = { ...before };
  if (answers === undefined) delete drafts[key];
  else drafts[key] = answers;
  request.session.set('drafts', drafts);
  if (answers !== undefined && Buffer.byteLength(JSON.stringify(request.session.data())) > SESSION_JSON_LIMIT) {
    request.session.set('drafts', before);
    return false;
  }
  return true;
}
