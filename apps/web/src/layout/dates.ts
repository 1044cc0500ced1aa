import { DateTime } from 'luxon';

const LONDON = 'Europe/London';

function inLondon(value: string | Date): DateTime {
  const at = typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromJSDate(value);
  return at.setZone(LONDON);
}

/** "10am", "12:30pm", "midday": the GOV.UK style for times. */
export function timeOfDay(value: string | Date): string {
  const at = inLondon(value);
  if (at.hour === 12 && at.minute === 0) return 'midday';
  if (at.hour === 0 && at.minute === 0) return 'midnight';
  const hour = at.hour % 12 === 0 ? 12 : at.hour % 12;
  const minutes = at.minute === 0 ? '' : `:${String(at.minute).padStart(2, '0')}`;
  return `${hour}${minutes}${at.hour < 12 ? 'am' : 'pm'}`;
}

/** "Tuesday 4 March 2027" */
export function longDate(value: string | Date): string {
  return inLondon(value).toFormat('cccc d LLLL yyyy');
}

/** "4 March 2027" */
export function shortDate(value: string | Date): string {
  return inLondon(value).toFormat('d LLLL yyyy');
}

/** "Tuesday 4 March 2027 at 5pm" */
export function dateAndTime(value: string | Date): string {
  return `${longDate(value)} at ${timeOfDay(value)}`;
}

/** "Tuesday 4 March 2027, 10am to 12:30pm"; a session over several days names both. */
export function sessionTimes(startsAt: string, endsAt: string): string {
  const start = inLondon(startsAt);
  const end = inLondon(endsAt);
  if (start.hasSame(end, 'day')) return `${longDate(startsAt)}, ${timeOfDay(startsAt)} to ${timeOfDay(endsAt)}`;
  return `${dateAndTime(startsAt)} to ${dateAndTime(endsAt)}`;
}

/** The London date of an instant as YYYY-MM-DD, for date inputs. */
export function isoDate(value: string | Date): string {
  return inLondon(value).toISODate()!;
}

/**
 * The start of a London day as an ISO instant with its offset, from the day, month and year a person
 * typed; null when they are not a real date.
 */
export function startOfLondonDay(day: string, month: string, year: string): string | null {
  if (![day, month, year].every((part) => /^\d{1,4}$/.test(part.trim()))) return null;
  const at = DateTime.fromObject({ day: Number(day), month: Number(month), year: Number(year) }, { zone: LONDON });
  return at.isValid && at.year >= 2000 && at.year <= 2100 ? at.toISO() : null;
}
