import type { ApiClient } from '../api/api-client.js';
import { answer } from '../api/api-client.js';

export interface Vocabulary {
  /** Organisation id → name, across the caller's partnerships. */
  organisations: Map<string, string>;
  /** Specialism code → label. */
  specialisms: Map<string, string>;
}

/** The names pages show for the ids the API answers with: member organisations and specialisms. */
export async function vocabularyOf(api: ApiClient): Promise<Vocabulary> {
  const [partnerships, specialisms] = await Promise.all([
    answer(api.GET('/api/partnerships', { params: { query: { limit: 100 } } })),
    answer(api.GET('/api/specialisms')),
  ]);
  const organisations = new Map<string, string>();
  for (const partnership of partnerships.items) for (const member of partnership.members) organisations.set(member.organisationId, member.name);
  return { organisations, specialisms: new Map(specialisms.map((specialism) => [specialism.code, specialism.label])) };
}

/** Options for a select, by name, with a first "any" option. */
export function selectItems(names: Map<string, string>, selected: string | undefined, anyText: string): { value: string; text: string; selected?: boolean }[] {
  const sorted = [...names.entries()].sort(([, a], [, b]) => a.localeCompare(b));
  return [{ value: '', text: anyText }, ...sorted.map(([value, text]) => ({ value, text, selected: value === selected }))];
}
