import { type EntityManager, type FindOneOptions, IsNull, MoreThan } from 'typeorm';
import { hashToken } from '../domain/passwords.js';
import { PasswordReset } from './password-reset.entity.js';

export const RESET_LINK_EXPIRED = 'This link to reset your password has expired or has been used already. Ask for a new one.';

/** The reset a token opens, if it is neither used, superseded (deleted) nor expired. */
export function openReset(manager: EntityManager, token: string, lock?: FindOneOptions['lock']): Promise<PasswordReset | null> {
  return manager.findOne(PasswordReset, { where: { tokenHash: hashToken(token), usedAt: IsNull(), expiresAt: MoreThan(new Date()) }, ...(lock && { lock }) });
}
