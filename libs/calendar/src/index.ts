// Calendar files (RFC 5545) of an opportunity's sessions, free of Nest: the notification worker
// attaches them to emails and the API serves them for download, from the one builder.
export { calendarFile, calendarInvite, type SessionTimes } from './calendar-invite.js';
