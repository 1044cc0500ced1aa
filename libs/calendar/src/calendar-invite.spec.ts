import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { calendarFile, calendarInvite } from './calendar-invite.js';

// RFC 5545's properties of a calendar, an event and a time zone; anything else must be an X- one.
const RFC_5545_PROPERTIES = new Set(
  ('prodid version calscale method uid dtstamp dtstart dtend duration summary description location url organizer attendee ' +
    'sequence status transp class created last-modified geo priority categories comment contact rrule rdate exdate ' +
    'recurrence-id related-to resources tzid tzurl tzoffsetfrom tzoffsetto tzname').split(' '),
);

/** What a strict reader finds wrong: properties RFC 5545 does not have, and a DTSTAMP not in UTC. */
function rfc5545Problems(text: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const problems: string[] = [];
  const visit = (component: ICAL.Component) => {
    for (const property of component.getAllProperties()) {
      if (!RFC_5545_PROPERTIES.has(property.name) && !property.name.startsWith('x-')) problems.push(`${component.name}: ${property.name}`);
    }
    component.getAllSubcomponents().forEach(visit);
  };
  visit(calendar);
  for (const event of calendar.getAllSubcomponents('vevent')) {
    const stamp = event.getFirstPropertyValue('dtstamp') as ICAL.Time;
    if (stamp.zone !== ICAL.Timezone.utcTimezone) problems.push(`DTSTAMP ${stamp.toString()} is not UTC`);
  }
  return problems;
}

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
    expect(rfc5545Problems(text)).toEqual([]);
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
    expect(rfc5545Problems(text)).toEqual([]);
  });

  it('is checked by a reader that notices what RFC 5545 does not allow', () => {
    const loose = calendarFile(events).replace(/^DTSTAMP:(\d{8}T\d{6})Z/m, 'DTSTAMP:$1').replace('METHOD:PUBLISH', 'METHOD:PUBLISH\r\nTIMEZONE-ID:Europe/London');
    expect(rfc5545Problems(loose)).toEqual(['vcalendar: timezone-id', expect.stringMatching(/^DTSTAMP .+ is not UTC$/)]);
  });
});
