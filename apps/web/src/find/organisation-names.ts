import type { ApiClient } from '../api/api-client.js';
import { answer, callerOf } from '../api/api-client.js';

// Names change rarely and every page shows some: each person's are kept this long, saving two API
// calls a page. What anyone may see is still the API's to say, on every call.
const KEEP_MS = 60_000;
const MOST_PEOPLE = 5_000;
const kept = new Map<string, { until: number; vocabulary: Promise<Vocabulary> }>();

export interface Vocabulary {
  /** Organisation id → name, across the caller's partnerships. */
  organisations: Map<string, string>;
  /** Specialism code → label. */
  specialisms: Map<string, string>;
}

/** The names pages show for the ids the API answers with: member organisations and specialisms. */
export function vocabularyOf(api: ApiClient): Promise<Vocabulary> {
  const person = callerOf(api);
  if (!person) return fetchVocabulary(api);
  const known = kept.get(person);
  if (known && known.until > Date.now()) return known.vocabulary;
  const vocabulary = fetchVocabulary(api);
  // A failed call is not kept: the next page asks again.
  vocabulary.catch(() => kept.delete(person));
  kept.delete(person);
  kept.set(person, { until: Date.now() + KEEP_MS, vocabulary });
  // Maps keep insertion order: the first entry is the oldest.
  if (kept.size > MOST_PEOPLE) kept.delete(kept.keys().next().value!);
  return vocabulary;
}

async function fetchVocabulary(api: ApiClient): Promise<Vocabulary> {
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
