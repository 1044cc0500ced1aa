import { type ApiClient, answer } from '../api/api-client.js';

/** A match with its whole opportunity (the sessions) and the partnership's name: what the decision pages and the email show. */
export async function matchForDecision(api: ApiClient, id: string) {
  const details = await answer(api.GET('/api/matches/{id}', { params: { path: { id } } }));
  const [opportunity, partnership] = await Promise.all([
    answer(api.GET('/api/opportunities/{id}', { params: { path: { id: details.opportunity.id } } })),
    answer(api.GET('/api/partnerships/{id}', { params: { path: { id: details.opportunity.partnershipId } } })),
  ]);
  return { ...details, fullOpportunity: opportunity, partnershipName: partnership.name };
}

export type MatchForDecision = Awaited<ReturnType<typeof matchForDecision>>;

