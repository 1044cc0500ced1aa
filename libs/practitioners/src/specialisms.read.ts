import type { EntityManager } from 'typeorm';
import { type Caller, isAdmin } from '#libs/identity';
import { Specialism } from './specialism.entity.js';

/** The vocabulary a person may use: the shared specialisms and those of their partnerships. */
export function specialismsFor(manager: EntityManager, caller: Caller): Promise<Specialism[]> {
  const query = manager.createQueryBuilder(Specialism, 'specialism').orderBy('specialism.label');
  if (!isAdmin(caller)) query.where('specialism.partnership_id IS NULL OR specialism.partnership_id = ANY(:partnerships)', { partnerships: caller.partnershipIds });
  return query.getMany();
}
