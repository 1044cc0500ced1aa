import type { operations } from '#libs/api-contract';
import { startOfLondonDay } from '../layout/dates.js';
import { listField } from '../layout/form-fields.js';
import { textField } from '../layout/form-errors.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';

type SearchQuery = NonNullable<operations['OpportunitiesController_find']['parameters']['query']>;

const SORTS = ['soonest', 'newest', 'closing_soon'] as const;

type Format = NonNullable<SearchQuery['format']>[number];
/** The filter's "Online or in person" checkboxes, in the order shown. */
export const FORMAT_LABELS: Record<Format, string> = { online: 'Online', in_person: 'In person' };

interface DateParts {
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
    formats: Format[];
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
    formats: (Object.keys(FORMAT_LABELS) as Format[]).filter((format) => listField(raw, 'format').includes(format)),
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
    ...(values.formats.length > 0 && { format: values.formats }),
    ...(cursor && { cursor }),
  };
  return { values, errors, query };
}

/**
 * The query string of this search without its page, to link to the next page or drop a filter:
 * `change` sets a field (a list for one that repeats) or, given null, removes it.
 */
export function searchLink(raw: Record<string, unknown>, change: Record<string, string | string[] | null> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'cursor') continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string' && item !== '') params.append(key, item);
  }
  for (const [key, value] of Object.entries(change)) {
    params.delete(key);
    for (const item of value === null ? [] : Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  const text = params.toString();
  return text ? `/opportunities?${text}` : '/opportunities';
}
