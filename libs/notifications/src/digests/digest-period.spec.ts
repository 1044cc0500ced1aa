import { digestPeriod } from './digest-period.js';

describe('digestPeriod', () => {
  it('names a daily run by its London date, on either side of a clock change', () => {
    // 07:00 London on 29 March 2027 (BST) is 06:00 UTC; on 27 March (GMT) 07:00 UTC.
    expect(digestPeriod('daily', Date.parse('2027-03-29T06:00:00Z'))).toBe('2027-03-29');
    expect(digestPeriod('daily', Date.parse('2027-03-27T07:00:00Z'))).toBe('2027-03-27');
    // 23:30 UTC in summer is already the next day in London.
    expect(digestPeriod('daily', Date.parse('2027-07-01T23:30:00Z'))).toBe('2027-07-02');
  });

  it('names a weekly run by the Monday of its London week, so a late retry stays in it', () => {
    expect(digestPeriod('weekly', Date.parse('2027-11-01T07:00:00Z'))).toBe('week-2027-11-01');
    expect(digestPeriod('weekly', Date.parse('2027-11-03T15:00:00Z'))).toBe('week-2027-11-01');
  });
});
