import { type ApiClient, answer } from '../api/api-client.js';
import { countOf } from './listing.js';

/** What an admin's home shows: how many of each there are, from one page of each list. */
export async function adminHome(api: ApiClient) {
  const query = { params: { query: { limit: 100 } } };
  const [universities, councils, partnerships, suppressions] = await Promise.all([
    answer(api.GET('/api/universities', query)),
    answer(api.GET('/api/councils', query)),
    answer(api.GET('/api/partnerships', query)),
    answer(api.GET('/api/admin/email-suppressions')),
  ]);
  return {
    counts: { universities: countOf(universities), councils: countOf(councils), partnerships: countOf(partnerships), suppressions: String(suppressions.length) },
  };
}
