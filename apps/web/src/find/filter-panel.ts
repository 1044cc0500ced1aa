import type { FormErrors } from '../layout/form-errors.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';
import { selectItems, type Vocabulary } from './organisation-names.js';
import { FORMAT_LABELS, type SearchForm } from './search-form.js';

const TYPE_ITEMS = [{ value: '', text: 'Any type' }, ...Object.entries(OPPORTUNITY_TYPE_LABELS).map(([value, text]) => ({ value, text }))];

/** What the MOJ filter panel shows: this search's choices and errors among the vocabulary's names. */
export function filterPanel(vocabulary: Vocabulary, { values }: SearchForm, errors: FormErrors['errors'] | undefined, selectedFilters: object | null) {
  return {
    values,
    errors: errors ?? null,
    selectedFilters,
    typeItems: TYPE_ITEMS,
    specialismItems: selectItems(vocabulary.specialisms, values.specialism, 'Any specialism'),
    hostItems: selectItems(vocabulary.organisations, values.host, 'Any organisation'),
    formatItems: Object.entries(FORMAT_LABELS).map(([value, text]) => ({ value, text, checked: (values.formats as string[]).includes(value) })),
  };
}
