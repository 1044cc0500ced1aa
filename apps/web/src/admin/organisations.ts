import { type ApiClient, answer } from '../api/api-client.js';

export interface Organisation {
  type: 'university' | 'council';
  id: string;
  name: string;
}

// Enough for every council and university in England; the choices stop there rather than run on.
const MOST_PAGES = 5;

/** Every registered university and council, each by name, for choosing members. */
export async function allOrganisations(api: ApiClient): Promise<{ universities: Organisation[]; councils: Organisation[] }> {
  const everyPage = async (path: '/api/universities' | '/api/councils', type: Organisation['type']) => {
    const found: Organisation[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MOST_PAGES; page++) {
      const answered = await answer(api.GET(path, { params: { query: { limit: 100, ...(cursor && { cursor }) } } }));
      found.push(...answered.items.map((item) => ({ type, id: item.id, name: item.name })));
      if (!answered.nextCursor) break;
      cursor = answered.nextCursor;
    }
    return found;
  };
  const [universities, councils] = await Promise.all([everyPage('/api/universities', 'university'), everyPage('/api/councils', 'council')]);
  return { universities, councils };
}
