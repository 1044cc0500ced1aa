import type { ApiProblem } from '../api/api-errors.js';
import { textField } from '../layout/form-errors.js';
import { isCouncilKind, isRegion } from './organisation-labels.js';

/** A question page's answers as typed, and what is wrong with them (before the API has its say). */
export interface Reading<T> {
  values: T;
  messages: Record<string, string | undefined>;
}

export interface UniversityAnswers {
  name: string;
  shortName: string;
  website: string;
}

export interface CouncilAnswers {
  name: string;
  kind: string;
  region: string;
}

export interface PartnershipAnswers {
  name: string;
  description: string;
  universityIds?: string[];
  councilIds?: string[];
}

function tooLong(text: string, limit: number, what: string): string | undefined {
  return text.length > limit ? `${what} must be ${limit} characters or fewer` : undefined;
}

export function readUniversity(body: unknown): Reading<UniversityAnswers> {
  const values = { name: textField(body, 'name'), shortName: textField(body, 'shortName'), website: textField(body, 'website') };
  return {
    values,
    messages: {
      name: values.name ? tooLong(values.name, 200, 'The name') : 'Enter the university’s name',
      shortName: tooLong(values.shortName, 30, 'The short name'),
      website: tooLong(values.website, 300, 'The website address'),
    },
  };
}

export function readCouncil(body: unknown): Reading<CouncilAnswers> {
  const values = { name: textField(body, 'name'), kind: textField(body, 'kind'), region: textField(body, 'region') };
  return {
    values,
    messages: {
      name: values.name ? tooLong(values.name, 200, 'The name') : 'Enter the council’s name',
      kind: isCouncilKind(values.kind) ? undefined : 'Select the kind of council',
      region: isRegion(values.region) ? undefined : 'Select the council’s region',
    },
  };
}

export function readPartnershipDetails(body: unknown): Reading<PartnershipAnswers> {
  const values = { name: textField(body, 'name'), description: textField(body, 'description') };
  return {
    values,
    messages: {
      name: values.name ? tooLong(values.name, 200, 'The name') : 'Enter the partnership’s name',
      description: tooLong(values.description, 2000, 'The description'),
    },
  };
}

/** What the people filling in the form read for each field the API refused; the API's own words otherwise. */
const API_FIELD_MESSAGES: Record<string, string> = {
  name: 'Enter a name in 200 characters or fewer, without special characters',
  shortName: 'Enter a short name in 30 characters or fewer',
  website: 'Enter the website address in full, starting with https://, for example https://www.uea.ac.uk',
  kind: 'Select the kind of council',
  region: 'Select the council’s region',
  description: 'Enter a description in 2,000 characters or fewer',
};

/** The API's refusal of a form as messages by field: a duplicate (409) is the name's. */
export function refusedFields(problem: ApiProblem, fields: string[]): Record<string, string> {
  if (problem.status === 409) return { name: problem.problem.detail ?? 'That name is already registered' };
  const messages = Object.fromEntries(Object.keys(problem.fieldMessages()).filter((field) => fields.includes(field)).map((field) => [field, API_FIELD_MESSAGES[field] ?? problem.fieldMessages()[field]!]));
  // A refusal naming no field of the form still says what it is, on the first field.
  return Object.keys(messages).length > 0 ? messages : { [fields[0]!]: problem.problem.detail ?? 'Check your answers' };
}
