import type { operations } from '#libs/api-contract';
import { startOfLondonDay } from '../layout/dates.js';
import { textField } from '../layout/form-errors.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';

type SearchQuery = NonNullable<operations['OpportunitiesController_find']['parameters']['query']>;

const SORTS = ['soonest', 'newest', 'closing_soon'] as const;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The search page's filters as typed, and as the API's query. */
export interface SearchForm {
  values: {
    q: string;
    type: string;
    specialism: string;
    host: string;
    from: DateParts;
    before: DateParts;
    freePlaces: boolean;
    sort: (typeof SORTS)[number];
  };
  errors: Record<string, string | undefined>;
  query: SearchQuery;
}

function dateParts(query: Record<string, unknown>, prefix: string): DateParts {
  return { day: textField(query, `${prefix}-day`), month: textField(query, `${prefix}-month`), year: textField(query, `${prefix}-year`) };
}

function typedDate(parts: DateParts): { iso?: string; error?: boolean } {
  if (!parts.day && !parts.month && !parts.year) return {};
  const iso = startOfLondonDay(parts.day, parts.month, parts.year);
  return iso ? { iso } : { error: true };
}

/** Reads the filter panel's query string; what it cannot use is an error to show, never a request to send. */
export function readSearchForm(raw: Record<string, unknown>): SearchForm {
  const type = textField(raw, 'type');
  const sortText = textField(raw, 'sort');
  const values: SearchForm['values'] = {
    q: textField(raw, 'q').slice(0, 200),
    type: type in OPPORTUNITY_TYPE_LABELS ? type : '',
    specialism: textField(raw, 'specialism').slice(0, 100),
    host: /^[0-9a-f-]{36}$/i.test(textField(raw, 'host')) ? textField(raw, 'host') : '',
    from: dateParts(raw, 'from'),
    before: dateParts(raw, 'before'),
    freePlaces: textField(raw, 'freePlaces') === 'yes',
    sort: (SORTS as readonly string[]).includes(sortText) ? (sortText as SearchForm['values']['sort']) : 'soonest',
  };
  const from = typedDate(values.from);
  const before = typedDate(values.before);
  const errors = {
    from: from.error ? 'Starting from must be a real date, like 27 3 2027' : undefined,
    before: before.error ? 'Starting before must be a real date, like 27 3 2027' : undefined,
  };
  const cursor = textField(raw, 'cursor');
  const query: SearchQuery = {
    limit: 20,
    sort: values.sort,
    ...(values.q && { q: values.q }),
    ...(values.type && { type: values.type as SearchQuery['type'] }),
    ...(values.specialism && { specialism: values.specialism }),
    ...(values.host && { hostOrganisationId: values.host }),
    ...(from.iso && { startsFrom: from.iso }),
    ...(before.iso && { startsBefore: before.iso }),
    ...(values.freePlaces && { hasFreePlaces: true }),
    ...(cursor && { cursor }),
  };
  return { values, errors, query };
}

/** The query string of this search without its page, to link to the next page or drop one filter. */
export function searchLink(raw: Record<string, unknown>, change: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'cursor' || typeof value !== 'string' || value === '') continue;
    params.set(key, value);
  }
  for (const [key, value] of Object.entries(change)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `/opportunities?${text}` : '/opportunities';
}

