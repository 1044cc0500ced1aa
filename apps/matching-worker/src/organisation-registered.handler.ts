import { Injectable, Logger } from '@nestjs/common';
import { type EventHandler, HandlesEvents } from '#libs/event-consumer';
import type { EventEnvelope } from '#libs/events';

/** Matching has nothing to rank for a new organisation yet; the inbox records that it saw it. */
@Injectable()
@HandlesEvents(['university.registered', 1], ['council.registered', 1])
export class OrganisationRegisteredHandler implements EventHandler<'university.registered' | 'council.registered'> {
  private readonly logger = new Logger('Matching');

  async handle(event: EventEnvelope<'university.registered' | 'council.registered'>): Promise<void> {
    this.logger.log({ eventId: event.id, organisation: event.payload.name }, `${event.type}: noted for matching`);
  }
}
