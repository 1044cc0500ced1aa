import type { EventEnvelope } from '#libs/events';
import type { Organisation } from './organisation.entity.js';

/**
 * What tells one type of organisation from the other to the use cases all types share: its table
 * and own columns, the event that registers one, and what the API shows of one.
 */
export interface OrganisationType<Stored extends Organisation, Registration extends { name: string }, Shown> {
  /** What messages call one: "No council has id …". */
  readonly noun: string;
  readonly entity: new () => Stored;
  /** The unique index on lower(name): registering a name twice, in any case, is a 409. */
  readonly uniqueName: string;
  columnsOf(registration: Registration): Omit<Stored, 'id' | 'createdAt'>;
  registered(stored: Stored, actorId: string | null): EventEnvelope;
  show(stored: Stored): Shown;
}
