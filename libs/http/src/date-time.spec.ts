import { londonDateTime } from './date-time.js';

describe('londonDateTime', () => {
  it.each([
    ['2027-01-15T10:00:00.000Z', '2027-01-15T10:00:00.000+00:00'],
    ['2027-07-01T09:00:00.000Z', '2027-07-01T10:00:00.000+01:00'],
    ['2027-07-01T23:30:00.250Z', '2027-07-02T00:30:00.250+01:00'],
    ['2027-12-31T23:59:59.999Z', '2027-12-31T23:59:59.999+00:00'],
    ['2027-01-15T10:07:05.042Z', '2027-01-15T10:07:05.042+00:00'],
    // Before 1970, and in the years the UK kept summer time all winter (British Standard Time).
    ['1969-12-31T23:59:59.009Z', '1970-01-01T00:59:59.009+01:00'],
    // The clocks go forward at 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October.
    ['2027-03-28T00:59:59.999Z', '2027-03-28T00:59:59.999+00:00'],
    ['2027-03-28T01:00:00.000Z', '2027-03-28T02:00:00.000+01:00'],
    ['2027-10-31T00:59:59.999Z', '2027-10-31T01:59:59.999+01:00'],
    ['2027-10-31T01:00:00.000Z', '2027-10-31T01:00:00.000+00:00'],
  ])('shows %s as %s, the same instant', (utc, shown) => {
    expect(londonDateTime(new Date(utc))).toBe(shown);
    expect(new Date(shown).getTime()).toBe(new Date(utc).getTime());
  });
});
