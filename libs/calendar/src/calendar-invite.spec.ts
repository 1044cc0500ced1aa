import ical, { type VEvent } from 'node-ical';
import { calendarFile, calendarInvite } from './calendar-invite.js';

const sessions = [
  { startsAt: '2027-03-27T10:00:00.000Z', endsAt: '2027-03-27T12:00:00.000Z', place: 'UEA, Norwich', onlineLink: null },
  // Across the clock change: 00:30 GMT to 03:30 BST on 28 March 2027.
  { startsAt: '2027-03-28T00:30:00.000Z', endsAt: '2027-03-28T02:30:00.000Z', place: 'UEA, Norwich', onlineLink: null },
  { startsAt: '2027-03-29T09:00:00.000Z', endsAt: '2027-03-29T11:00:00.000Z', place: null, onlineLink: 'https://meet.example.org/x' },
];
const events = { uid: 'match-1', title: 'Interview day', description: 'Norfolk and Suffolk', sessions };

const parsed = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

describe('calendar files of the sessions', () => {
  it('invites to every session in London time, with the zone’s rules, across the clock change', () => {
    const text = calendarInvite({ ...events, organizer: { name: 'TPM', email: 'no-reply@example.org' }, attendee: { name: 'Alex', email: 'alex@example.org' } });
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270327T100000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270328T003000');
    expect(text).toContain('DTEND;TZID=Europe/London:20270328T033000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270329T100000');
    expect(text).toMatch(/ATTENDEE;.*RSVP=FALSE.*:mailto:alex@example\.org/i);
    expect(parsed(text).map((e) => [e.start.toISOString(), e.end?.toISOString()])).toEqual(sessions.map((s) => [s.startsAt, s.endsAt]));
  });

  it('makes the same events as a file to open, without an organiser or attendees, under the same uids', () => {
    const text = calendarFile(events);
    expect(text).toContain('METHOD:PUBLISH');
    expect(text).not.toContain('ORGANIZER');
    expect(text).not.toContain('ATTENDEE');
    const found = parsed(text);
    expect(found.map((e) => e.uid)).toEqual(['match-1-1', 'match-1-2', 'match-1-3']);
    expect(found.map((e) => e.location)).toEqual(['UEA, Norwich', 'UEA, Norwich', 'https://meet.example.org/x']);
    expect(found.map((e) => [e.start.toISOString(), e.end?.toISOString()])).toEqual(sessions.map((s) => [s.startsAt, s.endsAt]));
  });
});
