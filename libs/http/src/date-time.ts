import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });
const HOUR = 3_600_000;

/** How London's clock reads through one UTC hour: its start to the hour (`2027-07-01T10:`) and the offset (`+01:00`). */
interface LondonHour {
  start: string;
  offset: string;
}

// The UK changes its clocks only on the hour and by whole hours, so one offset holds for a whole UTC
// hour and only the minutes on are left to write. Remembered per hour, a page of results costs a few
// Intl calls, not one per date, and no Date methods at all: `toISOString` cost several times as much.
const londonHours = new Map<number, LondonHour>();

function londonHour(hour: number): LondonHour {
  let known = londonHours.get(hour);
  if (known === undefined) {
    const start = new Date(hour * HOUR);
    const name = LONDON.formatToParts(start).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const [, sign = '+', hours = '00', minutes = '00'] = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name) ?? [];
    const ahead = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
    // Everything up to the minutes: "…T10:" of "…T10:00:00.000Z".
    known = { start: new Date(start.getTime() + ahead).toISOString().slice(0, -10), offset: `${sign}${hours}:${minutes}` };
    if (londonHours.size >= 10_000) londonHours.clear();
    londonHours.set(hour, known);
  }
  return known;
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);
const threeDigits = (value: number) => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`);

/**
 * The one place an instant becomes what the API shows: ISO 8601 as the clock reads in
 * Europe/London, with its offset (`2027-07-01T10:00:00.000+01:00`), the same instant as UTC.
 */
export function londonDateTime(date: Date): string {
  const time = date.getTime();
  const hour = Math.floor(time / HOUR);
  const { start, offset } = londonHour(hour);
  const intoHour = time - hour * HOUR;
  const minutes = Math.floor(intoHour / 60_000);
  const seconds = Math.floor((intoHour - minutes * 60_000) / 1000);
  return `${start}${twoDigits(minutes)}:${twoDigits(seconds)}.${threeDigits(intoHour % 1000)}${offset}`;
}

/** A date and time with an offset, as the API takes and gives them. */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant the API takes: a real date and time with its offset, so "10:00" is never read in the wrong time zone. */
export const DateTimeWithOffset = (): PropertyDecorator =>
  applyDecorators(
    Matches(DATE_TIME_WITH_OFFSET, { message: '$property must be a date and time with an offset, e.g. 2027-03-02T10:00:00+00:00' }),
    IsISO8601({ strict: true }),
  );
