import { Injectable, Logger } from '@nestjs/common';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';

/** Nobody is emailed about a new organisation yet; the inbox records that the event was seen. */
@Injectable()
@HandlesEvents(['university.registered', 1], ['council.registered', 1])
export class OrganisationRegisteredHandler implements EventHandler<'university.registered' | 'council.registered'> {
  private readonly logger = new Logger('Notification');

  async handle(event: EventEnvelope<'university.registered' | 'council.registered'>): Promise<void> {
    this.logger.log({ eventId: event.id, organisation: event.payload.name }, `${event.type}: nothing to send yet`);
  }
}
