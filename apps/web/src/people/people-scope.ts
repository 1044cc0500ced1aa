import type { Schema } from '#libs/api-contract';
import { type ApiClient, answer } from '../api/api-client.js';

type Partnership = Schema<'PartnershipResponse'>;
type Role = Schema<'PersonResponse'>['role'];

/** Whose people the pages are about: one partnership's, for its leads, or everyone's, for admins. */
export interface PeopleScope {
  /** The address the people pages are under. */
  base: string;
  partnership?: Partnership;
  /** The session key of this scope's invitation answers. */
  draftKey: string;
}

export const ADMIN_SCOPE: PeopleScope = { base: '/admin/people', draftKey: 'invite:admin' };

export async function partnershipScope(api: ApiClient, id: string): Promise<PeopleScope> {
  const partnership = await answer(api.GET('/api/partnerships/{id}', { params: { path: { id } } }));
  return { base: `/partnership/${id}/people`, partnership, draftKey: `invite:${id}` };
}

/** One answer to "where do they work?": an organisation (which sets the role), or a role with none. */
export interface Workplace {
  value: string;
  text: string;
  hint: string;
  role: Role;
  universityId?: string;
  councilId?: string;
}

const ACADEMIC_HINT = 'An academic: they post opportunities their university hosts';
const PRACTITIONER_HINT = 'A practitioner: they find opportunities and apply';

/**
 * The workplaces someone may be invited to: a lead's partnership's members; for an admin, every
 * university and council, or none (a partnership lead, or an admin).
 */
export async function workplacesFor(api: ApiClient, scope: PeopleScope): Promise<Workplace[]> {
  const organisations = scope.partnership
    ? scope.partnership.members.map((member) => ({ type: member.organisationType, id: member.organisationId, name: member.name }))
    : await allOrganisations(api);
  const places: Workplace[] = organisations.map(({ type, id, name }) =>
    type === 'university'
      ? { value: `university:${id}`, text: name, hint: ACADEMIC_HINT, role: 'academic', universityId: id }
      : { value: `council:${id}`, text: name, hint: PRACTITIONER_HINT, role: 'practitioner', councilId: id },
  );
  if (scope.partnership) return places;
  return [
    ...places,
    { value: 'role:partnership_lead', text: 'No university or council: they will lead partnerships', hint: 'A partnership lead: you then appoint them to a partnership', role: 'partnership_lead' },
    { value: 'role:admin', text: 'No university or council: they will run the service', hint: 'An admin: they can see and change everything', role: 'admin' },
  ];
}

async function allOrganisations(api: ApiClient): Promise<{ type: 'university' | 'council'; id: string; name: string }[]> {
  const [universities, councils] = await Promise.all([
    answer(api.GET('/api/universities', { params: { query: { limit: 100 } } })),
    answer(api.GET('/api/councils', { params: { query: { limit: 100 } } })),
  ]);
  return [
    ...universities.items.map((university) => ({ type: 'university' as const, id: university.id, name: university.name })),
    ...councils.items.map((council) => ({ type: 'council' as const, id: council.id, name: council.name })),
  ];
}
