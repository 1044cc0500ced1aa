import type { ReceivedMail } from '#libs/testing';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A link in an email opens the web's page at `${publicUrl}/${page}/<token>`; that page posts the
 * token to the API at /api/`endpoint`/<token>. Both paths, for tests that act as the page does.
 */
export function emailLink(mail: ReceivedMail, publicUrl: string, page: string, endpoint = page): { page: string; api: string } {
  const found = new RegExp(`${escaped(`${publicUrl}/${page}/`)}([A-Za-z0-9_.-]+)`).exec(mail.parsed.text ?? '');
  if (!found) throw new Error(`no ${page} link in ${mail.parsed.text}`);
  return { page: `/${page}/${found[1]}`, api: `/api/${endpoint}/${found[1]}` };
}

/** The API path that confirms the subscription a confirmation email is about. */
export const confirmationIn = (mail: ReceivedMail, publicUrl: string) => emailLink(mail, publicUrl, 'subscription/confirm', 'subscriptions/confirm').api;

/** The page an invitation email links to, where the invited person chooses a password (its token is a query parameter). */
export function invitationLinkIn(mail: ReceivedMail, publicUrl: string): string {
  const found = new RegExp(`${escaped(`${publicUrl}/invitation?token=`)}[A-Za-z0-9_.%-]+`).exec(mail.parsed.text ?? '');
  if (!found) throw new Error(`no invitation link in ${mail.parsed.text}`);
  return found[0];
}
