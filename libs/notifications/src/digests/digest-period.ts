import { DateTime } from 'luxon';

import type { DigestFrequency } from '#libs/mail-contract';

export type { DigestFrequency };

/** When each digest runs, in London time whatever the clocks do: BullMQ's scheduler takes the zone. */
export const DIGEST_SCHEDULES: Record<DigestFrequency, string> = {
  daily: '0 7 * * *',
  weekly: '0 7 * * 1',
};

/**
 * The period a digest run belongs to, from the time it was scheduled for: the London date for a
 * daily one, the London date of the week's Monday for a weekly one. Retries of a run, however
 * late, fall in the same period, and a subscriber gets one digest per period.
 */
export function digestPeriod(frequency: DigestFrequency, scheduledFor: number): string {
  const london = DateTime.fromMillis(scheduledFor, { zone: 'Europe/London' });
  return frequency === 'daily' ? london.toISODate()! : `week-${london.startOf('week').toISODate()!}`;
}
