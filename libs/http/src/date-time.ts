import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });
const HOUR = 3_600_000;
// The UK changes its clocks only on the hour, so one offset holds for a whole UTC hour; remembered
// per hour, a page of results costs a few Intl calls, not one per date.
const offsetsByHour = new Map<number, number>();

/** Minutes Europe/London is ahead of UTC at `date` (0 in winter, 60 in summer time). */
function londonOffsetMinutes(date: Date): number {
  const hour = Math.floor(date.getTime() / HOUR);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    const name = LONDON.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const [, sign, hours, minutes] = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name) ?? [];
    offset = sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
    if (offsetsByHour.size >= 10_000) offsetsByHour.clear();
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/**
 * The one place an instant becomes what the API shows: ISO 8601 as the clock reads in
 * Europe/London, with its offset (`2027-07-01T10:00:00.000+01:00`), the same instant as UTC.
 */
export function londonDateTime(date: Date): string {
  const offset = londonOffsetMinutes(date);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** A date and time with an offset, as the API takes and gives them. */
export const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant the API takes: a real date and time with its offset, so "10:00" is never read in the wrong time zone. */
export const DateTimeWithOffset = (): PropertyDecorator =>
  applyDecorators(
    Matches(DATE_TIME_WITH_OFFSET, { message: '$property must be a date and time with an offset, e.g. 2027-03-02T10:00:00+00:00' }),
    IsISO8601({ strict: true }),
  );
