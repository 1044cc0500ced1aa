import type { EntityManager } from 'typeorm';
import { EMAIL_PREFERENCE_DEFAULTS, EMAIL_PREFERENCES } from '#libs/mail-contract';
import type { EmailPreferences } from '../http/subscription.dto.js';

/** Each kind of email as the person chose it, or its default. */
export async function emailPreferencesOf(db: EntityManager, userId: string): Promise<EmailPreferences> {
  const rows: { kind: string; enabled: boolean }[] = await db.query(`SELECT kind, enabled FROM email_preferences WHERE user_id = $1`, [userId]);
  return Object.fromEntries(EMAIL_PREFERENCES.map((kind) => [kind, rows.find((r) => r.kind === kind)?.enabled ?? EMAIL_PREFERENCE_DEFAULTS[kind]])) as unknown as EmailPreferences;
}

export async function setEmailPreferences(db: EntityManager, userId: string, preferences: Record<string, boolean>): Promise<void> {
  // A choice left out of the request (undefined) stays as it was.
  for (const [kind, enabled] of Object.entries(preferences).filter(([, value]) => value !== undefined)) {
    await db.query(
      `INSERT INTO email_preferences (user_id, kind, enabled) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
       ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled, updated_at = now()`,
      [userId, kind, enabled],
    );
  }
}
