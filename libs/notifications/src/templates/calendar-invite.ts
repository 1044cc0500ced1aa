import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';

export interface SessionTimes {
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineLink: string | null;
}

export interface Invite {
  /** Stable across resends, so a calendar updates the same events instead of adding copies. */
  uid: string;
  title: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  sessions: SessionTimes[];
}

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/London');

/**
 * An RFC 5545 invitation with every session as an event in Europe/London time, the zone's rules
 * included (VTIMEZONE), so calendars show the right local time on either side of a clock change.
 */
export function calendarInvite(invite: Invite): string {
  const calendar = ical({
    prodId: { company: 'Teaching Partnership Marketplace', product: 'notifications', language: 'EN' },
    method: ICalCalendarMethod.REQUEST,
    timezone: { name: 'Europe/London', generator: getVtimezoneComponent },
  });
  invite.sessions.forEach((session, index) => {
    calendar.createEvent({
      id: `${invite.uid}-${index + 1}`,
      start: london(session.startsAt),
      end: london(session.endsAt),
      timezone: 'Europe/London',
      summary: invite.title,
      description: invite.description,
      location: session.place ?? session.onlineLink,
      url: session.onlineLink,
      organizer: invite.organizer,
      attendees: [{ ...invite.attendee, rsvp: false }],
    });
  });
  return calendar.toString();
}
