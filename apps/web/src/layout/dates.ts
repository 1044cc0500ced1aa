import { DateTime } from 'luxon';

const LONDON = 'Europe/London';

// Finding an instant's London offset is the costliest part of showing a date, and a page shows the
// same instants several times over (a session's day and times, again on the next request).
const MOST_REMEMBERED = 10_000;
const remembered = new Map<string, DateTime>();

function inLondon(value: string | Date): DateTime {
  if (typeof value !== 'string') return DateTime.fromJSDate(value).setZone(LONDON);
  let at = remembered.get(value);
  if (!at) {
    if (remembered.size >= MOST_REMEMBERED) remembered.clear();
    at = DateTime.fromISO(value).setZone(LONDON);
    remembered.set(value, at);
  }
  return at;
}

// Formatting costs about as much again, so the text a page shows is remembered too.
const rememberedText = new Map<string, string>();

function asText(key: string, make: () => string): string {
  let text = rememberedText.get(key);
  if (text === undefined) {
    if (rememberedText.size >= MOST_REMEMBERED) rememberedText.clear();
    text = make();
    rememberedText.set(key, text);
  }
  return text;
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
  if (typeof value !== 'string') return `${longDate(value)} at ${timeOfDay(value)}`;
  return asText(`at ${value}`, () => `${longDate(value)} at ${timeOfDay(value)}`);
}

/** "Tuesday 4 March 2027, 10am to 12:30pm"; a session over several days names both. */
export function sessionTimes(startsAt: string, endsAt: string): string {
  return asText(`${startsAt} to ${endsAt}`, () => {
    const start = inLondon(startsAt);
    const end = inLondon(endsAt);
    // Both are in London time already; luxon's hasSame would look both offsets up again.
    const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
    if (sameDay) return `${longDate(startsAt)}, ${timeOfDay(startsAt)} to ${timeOfDay(endsAt)}`;
    return `${dateAndTime(startsAt)} to ${dateAndTime(endsAt)}`;
  });
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

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * A time as people type it: "10am", "2:30pm", "2.30 pm", "14:30", "9", "midday", "noon" or
 * "midnight"; null when it is not one. Without am or pm it is read on the 24-hour clock.
 */
export function readTimeOfDay(text: string): TimeOfDay | null {
  const typed = text.trim().toLowerCase().replace(/\s+/g, '');
  if (typed === 'midday' || typed === 'noon' || typed === '12noon') return { hour: 12, minute: 0 };
  if (typed === 'midnight' || typed === '12midnight') return { hour: 0, minute: 0 };
  const parts = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(typed);
  if (!parts) return null;
  const [, hourText, minuteText, meridiem] = parts;
  let hour = Number(hourText);
  const minute = minuteText ? Number(minuteText) : 0;
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute };
}

/**
 * The instant a person means by a London date and time of day, as ISO with its offset (so
 * 10am in July is 10:00+01:00); null when the date is not a real one or the time cannot be read.
 */
export function londonDateTime(day: string, month: string, year: string, time: string): string | null {
  const date = startOfLondonDay(day, month, year);
  const at = readTimeOfDay(time);
  if (!date || !at) return null;
  // Set on the London day, not added to its start: a day when the clocks change is 23 or 25 hours long.
  return DateTime.fromISO(date, { setZone: true }).setZone(LONDON).set({ hour: at.hour, minute: at.minute }).toISO();
}

/** The London day, month and year of an instant, as a GOV.UK date input shows them. */
export function londonDateParts(value: string | Date): { day: string; month: string; year: string } {
  const at = inLondon(value);
  return { day: String(at.day), month: String(at.month), year: String(at.year) };
}
