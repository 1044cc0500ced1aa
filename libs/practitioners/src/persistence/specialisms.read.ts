import type { EntityManager } from 'typeorm';
import type { InvalidField } from '#libs/http';
import { type Caller, isAdmin } from '#libs/identity';
import { Specialism } from './specialism.entity.js';

/** The vocabulary a person may use: the shared specialisms and those of their partnerships. */
export function specialismsFor(manager: EntityManager, caller: Caller): Promise<Specialism[]> {
  const query = manager.createQueryBuilder(Specialism, 'specialism').orderBy('specialism.label');
  if (!isAdmin(caller)) query.where('specialism.partnership_id IS NULL OR specialism.partnership_id = ANY(:partnerships)', { partnerships: caller.partnershipIds });
  return query.getMany();
}

/** A problem naming `field` when `codes` holds specialisms outside the caller's vocabulary. */
export async function specialismProblems(manager: EntityManager, caller: Caller, codes: string[], field: string): Promise<InvalidField[]> {
  const known = new Set((await specialismsFor(manager, caller)).map((specialism) => specialism.code));
  const unknown = codes.filter((code) => !known.has(code));
  return unknown.length > 0 ? [{ field, messages: [`unknown specialisms: ${unknown.join(', ')} (see GET /api/specialisms)`] }] : [];
}
