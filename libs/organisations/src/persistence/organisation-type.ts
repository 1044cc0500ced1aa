import type { SelectQueryBuilder } from 'typeorm';
import type { EventEnvelope } from '#libs/events';
import type { PageQuery } from '#libs/http';
import type { Organisation } from './organisation.entity.js';

/** Every list of organisations pages by name and filters by part of it. */
export type OrganisationFilters = PageQuery & { name?: string };

/**
 * What tells one type of organisation from the other to the use cases all types share: its table
 * and own columns, the event that registers one, its own filters, and what the API shows of one.
 */
export interface OrganisationType<Stored extends Organisation, Registration extends { name: string }, Shown, Filters extends OrganisationFilters> {
  /** What messages call one ("No council has id …"), and the alias its queries give its table. */
  readonly noun: string;
  readonly entity: new () => Stored;
  /** The unique index on lower(name): registering a name twice, in any case, is a 409. */
  readonly uniqueName: string;
  columnsOf(registration: Registration): Omit<Stored, 'id' | 'createdAt'>;
  registered(stored: Stored, actorId: string | null): EventEnvelope;
  /** Narrows a list by the filters this type has beyond the name. */
  filter?(query: SelectQueryBuilder<Stored>, filters: Filters): void;
  show(stored: Stored): Shown;
}
