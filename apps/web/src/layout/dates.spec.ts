import { dateAndTime, londonDateParts, londonDateTime, longDate, readTimeOfDay, sessionTimes, startOfLondonDay, timeOfDay } from './dates.js';

describe('dates as people read them in England', () => {
  it('shows a session in London time, GOV.UK style', () => {
    expect(sessionTimes('2027-03-02T10:00:00.000+00:00', '2027-03-02T12:30:00.000+00:00')).toBe('Tuesday 2 March 2027, 10am to 12:30pm');
  });

  it('turns UTC into British Summer Time', () => {
    expect(sessionTimes('2027-07-01T09:00:00Z', '2027-07-01T11:00:00Z')).toBe('Thursday 1 July 2027, 10am to midday');
  });

  it('names both days of a session that runs over midnight', () => {
    expect(sessionTimes('2027-03-02T22:00:00Z', '2027-03-03T01:00:00Z')).toBe('Tuesday 2 March 2027 at 10pm to Wednesday 3 March 2027 at 1am');
  });

  it('answers the same the second time, when the text is remembered', () => {
    for (let time = 0; time < 2; time++) {
      expect(sessionTimes('2027-03-30T22:00:00Z', '2027-03-30T23:30:00Z')).toBe('Tuesday 30 March 2027 at 11pm to Wednesday 31 March 2027 at 12:30am');
      expect(dateAndTime('2027-03-30T22:00:00Z')).toBe('Tuesday 30 March 2027 at 11pm');
    }
  });

  it('writes times without a leading zero or :00', () => {
    expect(timeOfDay('2027-01-05T09:05:00Z')).toBe('9:05am');
    expect(timeOfDay('2027-01-05T00:00:00Z')).toBe('midnight');
    expect(timeOfDay('2027-01-05T13:00:00Z')).toBe('1pm');
    expect(dateAndTime('2026-12-18T17:00:00Z')).toBe('Friday 18 December 2026 at 5pm');
    expect(longDate('2027-03-28T23:30:00Z')).toBe('Monday 29 March 2027');
  });

  it('reads a typed date as the start of that London day, and refuses what is not a date', () => {
    expect(startOfLondonDay('1', '7', '2027')).toBe('2027-07-01T00:00:00.000+01:00');
    expect(startOfLondonDay('31', '2', '2027')).toBeNull();
    expect(startOfLondonDay('x', '2', '2027')).toBeNull();
    expect(startOfLondonDay('1', '2', '27')).toBeNull();
  });

  it('reads times as people type them, on the 24-hour clock without am or pm', () => {
    expect(readTimeOfDay('10am')).toEqual({ hour: 10, minute: 0 });
    expect(readTimeOfDay(' 2:30 PM ')).toEqual({ hour: 14, minute: 30 });
    expect(readTimeOfDay('2.30pm')).toEqual({ hour: 14, minute: 30 });
    expect(readTimeOfDay('12pm')).toEqual({ hour: 12, minute: 0 });
    expect(readTimeOfDay('12am')).toEqual({ hour: 0, minute: 0 });
    expect(readTimeOfDay('14:30')).toEqual({ hour: 14, minute: 30 });
    expect(readTimeOfDay('9')).toEqual({ hour: 9, minute: 0 });
    expect(readTimeOfDay('midday')).toEqual({ hour: 12, minute: 0 });
    expect(readTimeOfDay('Noon')).toEqual({ hour: 12, minute: 0 });
    expect(readTimeOfDay('midnight')).toEqual({ hour: 0, minute: 0 });
    for (const wrong of ['', 'ten', '13pm', '0am', '24:00', '10:60', '10:5', '1030', 'am']) expect([wrong, readTimeOfDay(wrong)]).toEqual([wrong, null]);
  });

  it('turns a typed date and time into an instant in London time, summer or winter', () => {
    expect(londonDateTime('1', '7', '2027', '10am')).toBe('2027-07-01T10:00:00.000+01:00');
    expect(londonDateTime('2', '3', '2027', '14:30')).toBe('2027-03-02T14:30:00.000+00:00');
    // The Sunday the clocks go forward: 10am is already summer time.
    expect(londonDateTime('28', '3', '2027', '10am')).toBe('2027-03-28T10:00:00.000+01:00');
    expect(londonDateTime('31', '10', '2027', '11pm')).toBe('2027-10-31T23:00:00.000+00:00');
    expect(londonDateTime('31', '2', '2027', '10am')).toBeNull();
    expect(londonDateTime('1', '7', '2027', 'soon')).toBeNull();
  });

  it('gives the London date of an instant for a date input', () => {
    expect(londonDateParts('2027-06-30T23:30:00Z')).toEqual({ day: '1', month: '7', year: '2027' });
    expect(londonDateParts('2027-01-05T09:00:00+00:00')).toEqual({ day: '5', month: '1', year: '2027' });
  });
});
