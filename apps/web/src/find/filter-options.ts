import { createHash } from 'node:crypto';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';
import { renderFragment } from '../layout/nunjucks.js';
import type { FormErrors } from '../layout/form-errors.js';
import { selectItems, type Vocabulary } from './organisation-names.js';
import { FORMAT_LABELS, type SearchForm } from './search-form.js';

// The filter panel's options are most of the search page's HTML and of its rendering, yet they
// change only with the filters chosen and the names in the vocabulary: each such pair is rendered
// once and kept, the least recently shown dropped first.
const MOST_KEPT = 500;
const kept = new Map<string, string>();
const vocabularyKeys = new WeakMap<Vocabulary, string>();

const TYPE_ITEMS = [{ value: '', text: 'Any type' }, ...Object.entries(OPPORTUNITY_TYPE_LABELS).map(([value, text]) => ({ value, text }))];

/** What the vocabulary says, as a short key: people in the same partnerships share their panels. */
function vocabularyKey(vocabulary: Vocabulary): string {
  let key = vocabularyKeys.get(vocabulary);
  if (!key) {
    key = createHash('sha256')
      .update(JSON.stringify([[...vocabulary.organisations], [...vocabulary.specialisms]]))
      .digest('base64url');
    vocabularyKeys.set(vocabulary, key);
  }
  return key;
}

/** The MOJ filter's options, as HTML, with this search's choices and errors shown. */
export function filterOptionsHtml(vocabulary: Vocabulary, { values }: SearchForm, errors: FormErrors['errors'] | undefined): string {
  const key = `${vocabularyKey(vocabulary)} ${JSON.stringify([values, errors ?? null])}`;
  let html = kept.get(key);
  if (html === undefined) {
    html = renderFragment('find/views/filter-options.njk', {
      values,
      errors,
      typeItems: TYPE_ITEMS,
      specialismItems: selectItems(vocabulary.specialisms, values.specialism, 'Any specialism'),
      hostItems: selectItems(vocabulary.organisations, values.host, 'Any organisation'),
      formatItems: Object.entries(FORMAT_LABELS).map(([value, text]) => ({ value, text, checked: (values.formats as string[]).includes(value) })),
    });
    if (kept.size >= MOST_KEPT) kept.delete(kept.keys().next().value!);
  } else {
    kept.delete(key);
  }
  kept.set(key, html);
  return html;
}
