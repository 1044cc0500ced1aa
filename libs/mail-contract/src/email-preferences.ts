/**
 * Kinds of email a person chooses to get, and what they get before they choose. Recommendations are
 * opt-in: a practitioner asks for "recommended for you" before any is sent.
 */
export const EMAIL_PREFERENCE_DEFAULTS = {
  applications: true,
  matches: true,
  opportunity_changes: true,
  recommendations: false,
} as const;

export type EmailPreference = keyof typeof EMAIL_PREFERENCE_DEFAULTS;
export const EMAIL_PREFERENCES = Object.keys(EMAIL_PREFERENCE_DEFAULTS) as EmailPreference[];
