import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

// Verifying against this when no user has the email makes an unknown email cost as much as a wrong password.
const unknownUserHash = hashPassword(randomBytes(16).toString('hex'));

export async function passwordMatches(hash: string | null, password: string): Promise<boolean> {
  const matches = await argon2.verify(hash ?? (await unknownUserHash), password).catch(() => false);
  return hash !== null && matches;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
