import { UnrecoverableError } from 'bullmq';
import { isUUID } from 'class-validator';
import { type EventEnvelope, isEventType } from '#libs/events';

/**
 * Checks that a job carries a well-formed envelope of a known event type. A job that does not can
 * never succeed, so it goes straight to the failed set, where it can be inspected.
 */
export function parseEnvelope(data: unknown): EventEnvelope {
  const event = data as Partial<EventEnvelope> | null;
  const problems: string[] = [];
  if (typeof event !== 'object' || event === null) throw new UnrecoverableError('job data is not an event envelope');
  if (typeof event.id !== 'string' || !isUUID(event.id)) problems.push('id is not a UUID');
  if (typeof event.type !== 'string' || !isEventType(event.type)) problems.push(`unknown event type ${JSON.stringify(event.type)}`);
  if (!Number.isInteger(event.version)) problems.push('version is not an integer');
  if (typeof event.aggregateId !== 'string') problems.push('aggregateId is missing');
  if (typeof event.correlationId !== 'string') problems.push('correlationId is missing');
  if (typeof event.payload !== 'object' || event.payload === null) problems.push('payload is missing');
  if (problems.length > 0) throw new UnrecoverableError(`invalid event envelope: ${problems.join('; ')}`);
  return event as EventEnvelope;
}
