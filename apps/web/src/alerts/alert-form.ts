import type { Schema } from '#libs/api-contract';
import { listField } from '../layout/form-fields.js';
import { textField } from '../layout/form-errors.js';
import { OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';

type Filters = Schema<'SubscriptionFilters'>;

export const FREQUENCY_LABELS: Record<Filters['frequency'], string> = {
  instant: 'As soon as they are posted',
  daily: 'Once a day (at 7am)',
  weekly: 'Once a week (Mondays at 7am)',
};

export interface AlertValues {
  frequency: string;
  types: string[];
  specialisms: string[];
  hosts: string[];
}

/** An alert as its form sent it (or as a search's filters suggest it), and what is wrong with it. */
export function readAlertForm(body: unknown): { values: AlertValues; errors: Record<string, string | undefined>; filters?: Filters } {
  const values: AlertValues = {
    frequency: textField(body, 'frequency'),
    types: listField(body, 'types').filter((type) => type in OPPORTUNITY_TYPE_LABELS),
    specialisms: listField(body, 'specialisms'),
    hosts: listField(body, 'hosts'),
  };
  const errors = { frequency: values.frequency in FREQUENCY_LABELS ? undefined : 'Select how often you want email' };
  if (errors.frequency) return { values, errors };
  return {
    values,
    errors,
    filters: {
      frequency: values.frequency as Filters['frequency'],
      types: values.types as Filters['types'],
      specialisms: values.specialisms,
      hostOrganisationIds: values.hosts,
    },
  };
}

/** The alert a search page suggests: its type, specialism and organisation. */
export function alertFromSearch(query: Record<string, unknown>): AlertValues {
  const one = (name: string) => (textField(query, name) ? [textField(query, name)] : []);
  // No frequency chosen for them: GOV.UK radios start with none selected.
  return { frequency: '', types: one('type'), specialisms: one('specialism'), hosts: one('host') };
}
