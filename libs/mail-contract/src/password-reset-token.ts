import { createHmac } from 'node:crypto';

/**
 * A password reset's token, derived from the reset's random id as an invitation's is
 * (`invitationToken`): the notification worker makes the link when it sends the email, and neither
 * the outbox nor any stored message ever holds the token.
 */
export const passwordResetToken = (secret: string, resetId: string): string =>
  createHmac('sha256', secret).update(`password-reset:${resetId}`).digest('base64url');
