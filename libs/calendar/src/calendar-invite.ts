import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';

export interface SessionTimes {
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineLink: string | null;
}

interface Party {
  name: string;
  email: string;
}

export interface CalendarEvents {
  /** Stable across resends, so a calendar updates the same events instead of adding copies. */
  uid: string;
  title: string;
  description: string;
  sessions: SessionTimes[];
}

/** An invitation sent by email: from the organiser, to the attendee, who need not reply. */
export interface Invite extends CalendarEvents {
  organizer: Party;
  attendee: Party;
}

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/London');

function calendarOf(events: CalendarEvents, method: ICalCalendarMethod, people?: { organizer: Party; attendee: Party }): string {
  const calendar = ical({
    prodId: { company: 'Teaching Partnership Marketplace', product: 'calendar', language: 'EN' },
    method,
    // No calendar-wide zone: its TIMEZONE-ID is not RFC 5545, and with it DTSTAMP loses its Z. The events'
    // zone still gets its VTIMEZONE from the generator.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  events.sessions.forEach((session, index) => {
    calendar.createEvent({
      id: `${events.uid}-${index + 1}`,
      start: london(session.startsAt),
      end: london(session.endsAt),
      timezone: 'Europe/London',
      summary: events.title,
      description: events.description,
      location: session.place ?? session.onlineLink,
      url: session.onlineLink,
      ...(people ? { organizer: people.organizer, attendees: [{ ...people.attendee, rsvp: false }] } : {}),
    });
  });
  return calendar.toString();
}

/**
 * An RFC 5545 invitation with every session as an event in Europe/London time, the zone's rules
 * included (VTIMEZONE), so calendars show the right local time on either side of a clock change.
 */
export function calendarInvite(invite: Invite): string {
  return calendarOf(invite, ICalCalendarMethod.REQUEST, invite);
}

/**
 * The same events as a file to download and open (PUBLISH: no organiser asking for a reply). With
 * the invitation's uid, opening it updates the events the invitation added rather than copying them.
 */
export function calendarFile(events: CalendarEvents): string {
  return calendarOf(events, ICalCalendarMethod.PUBLISH);
}
