import type { Schema } from '#libs/api-contract';
import { type ApiClient, answer } from '../api/api-client.js';
import { vocabularyOf, type Vocabulary } from '../find/organisation-names.js';

export type Opportunity = Schema<'OpportunityResponse'>;


/** The session's key for the changes of an edit not yet saved. */
export const editKey = (id: string): string => `opportunity:${id}`;
export const NEW_KEY = 'opportunity:new';

export const managePath = (id: string, page = ''): string => `/manage/opportunities/${id}${page ? `/${page}` : ''}`;

/** The opportunity and the names its pages show; the API answers 404 for one the person may not see. */
export async function managedOpportunity(api: ApiClient, id: string): Promise<{ opportunity: Opportunity; vocabulary: Vocabulary; hostName: string }> {
  const [opportunity, vocabulary] = await Promise.all([answer(api.GET('/api/opportunities/{id}', { params: { path: { id } } })), vocabularyOf(api)]);
  return { opportunity, vocabulary, hostName: vocabulary.organisations.get(opportunity.host.id) ?? 'A partner organisation' };
}

/** The MOJ sub navigation of an opportunity's pages. */
export function opportunityTabs(opportunity: Opportunity, current: 'overview' | 'applications' | 'recommendations' | 'matches') {
  const count = opportunity.applicationCount;
  return [
    { text: 'Overview', href: managePath(opportunity.id), active: current === 'overview' },
    { text: count === null ? 'Applications' : `Applications (${count})`, href: managePath(opportunity.id, 'applications'), active: current === 'applications' },
    { text: 'Recommendations', href: managePath(opportunity.id, 'recommendations'), active: current === 'recommendations' },
    { text: 'Matches', href: managePath(opportunity.id, 'matches'), active: current === 'matches' },
  ];
}
