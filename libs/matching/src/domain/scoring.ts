/**
 * How recommendations are ranked. Every eligible practitioner gets points per factor, each factor
 * worth at most its weight, so a perfect fit scores 100:
 * - specialisms (40): the share of the opportunity's required specialisms the practitioner covers
 *   (all of them when it asks for none);
 * - fairness (25): fewer opportunities taken in the last six months ranks higher: 25 for none,
 *   12.5 for one, 8.3 for two, and so on;
 * - format (15): the share of sessions offered in a format the practitioner prefers;
 * - nearness (15): the host is the practitioner's own council (all of it) or a council in the same
 *   region (half); a university host earns nothing here, since every member is a partner organisation;
 * - PEPS (5): for practice educator roles, a PEPS stage above the one required.
 * The SQL that ranks thousands of practitioners computes the same sum (see `scoreSql`); the e2e tests
 * check that the stored score equals `scoreOf` of the stored factors.
 */
export const WEIGHTS = {
  specialisms: 40,
  fairness: 25,
  format: 15,
  nearness: 15,
  peps: 5,
} as const;

/** What the ranking query finds out about one practitioner and one opportunity; stored with the recommendation. */
export interface Factors {
  /** Required specialisms the practitioner has, and how many are required. */
  specialismsCovered: number;
  specialismsRequired: number;
  /** Sessions offered in a format the practitioner prefers, out of all sessions. */
  sessionsInPreferredFormat: number;
  sessions: number;
  /** The formats the opportunity offers. */
  formats: string[];
  /** own_council, same_region or none. */
  nearness: Nearness;
  /** Approved matches decided in the last six months, and the latest ever (ISO 8601), if any. */
  takenRecently: number;
  lastTakenAt: string | null;
  /** PEPS stage required (null when not a practice educator role) and held. */
  pepsRequired: number | null;
  pepsStage: number;
}

export type Nearness = 'own_council' | 'same_region' | 'none';

export const NEARNESS_SHARE: Record<Nearness, number> = { own_council: 1, same_region: 0.5, none: 0 };

/** The points each factor earns, each between 0 and its weight. */
export function pointsOf(factors: Factors): Record<keyof typeof WEIGHTS, number> {
  return {
    specialisms: WEIGHTS.specialisms * (factors.specialismsRequired === 0 ? 1 : factors.specialismsCovered / factors.specialismsRequired),
    fairness: WEIGHTS.fairness / (1 + factors.takenRecently),
    format: WEIGHTS.format * (factors.sessions === 0 ? 0 : factors.sessionsInPreferredFormat / factors.sessions),
    nearness: WEIGHTS.nearness * NEARNESS_SHARE[factors.nearness],
    peps: factors.pepsRequired !== null && factors.pepsStage > factors.pepsRequired ? WEIGHTS.peps : 0,
  };
}

/** The score, rounded to two decimals as stored. */
export function scoreOf(factors: Factors): number {
  const total = Object.values(pointsOf(factors)).reduce((sum, points) => sum + points, 0);
  return Math.round(total * 100) / 100;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const FORMAT_WORDS: Record<string, string> = { in_person: 'in person', online: 'online' };

/** The factors in words a lead or practitioner can read, strongest first. */
export function reasonsFor(factors: Factors): string[] {
  const reasons: string[] = [];
  if (factors.specialismsRequired > 0) reasons.push(specialismsInWords(factors.specialismsCovered, factors.specialismsRequired));
  if (factors.pepsRequired !== null) reasons.push(`PEPS stage ${factors.pepsStage}`);
  if (factors.takenRecently > 0) {
    reasons.push(`${factors.takenRecently} ${factors.takenRecently === 1 ? 'opportunity' : 'opportunities'} taken in the last six months`);
  } else {
    reasons.push(factors.lastTakenAt ? `no opportunity taken since ${MONTH.format(new Date(factors.lastTakenAt))}` : 'no opportunity taken yet');
  }
  const offered = factors.formats.map((format) => FORMAT_WORDS[format] ?? format).join(' and ');
  if (factors.sessions > 0 && factors.sessionsInPreferredFormat === factors.sessions) reasons.push(`prefers ${offered}, as offered`);
  else if (factors.sessionsInPreferredFormat > 0) reasons.push(`prefers the format of ${factors.sessionsInPreferredFormat} of ${factors.sessions} sessions`);
  else reasons.push(`offered ${offered}, which is not a preferred format`);
  if (factors.nearness === 'own_council') reasons.push('hosted by their own council');
  else if (factors.nearness === 'same_region') reasons.push('host council is in the same region');
  return reasons;
}

function specialismsInWords(covered: number, required: number): string {
  if (covered === required) return required === 1 ? 'covers the specialism asked for' : required === 2 ? 'covers both specialisms asked for' : `covers all ${required} specialisms asked for`;
  if (covered === 0) return required === 1 ? 'does not cover the specialism asked for' : required === 2 ? 'covers neither specialism asked for' : `covers none of the ${required} specialisms asked for`;
  return `covers ${covered} of ${required} specialisms asked for`;
}
