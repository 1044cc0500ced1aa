import { createHmac } from 'node:crypto';

/**
 * An invitation's token, derived from its id with the secret the API and the notification worker
 * share: the worker can put the link in the email while the token itself is never stored or sent
 * through the outbox, and the database still holds only its hash.
 */
export const invitationToken = (secret: string, invitationId: string): string =>
  createHmac('sha256', secret).update(`invitation:${invitationId}`).digest('base64url');
