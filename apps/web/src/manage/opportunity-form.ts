import type { Schema } from '#libs/api-contract';
import type { ProblemDetails } from '../api/api-errors.js';
import { londonDateParts, londonDateTime, readTimeOfDay, startOfLondonDay, timeOfDay } from '../layout/dates.js';
import { textField } from '../layout/form-errors.js';
import { CAREER_STAGE_LABELS, OPPORTUNITY_TYPE_LABELS } from '../layout/labels.js';

type Opportunity = Schema<'OpportunityResponse'>;
type CreateRequest = Schema<'CreateOpportunityRequest'>;
type UpdateRequest = Schema<'UpdateOpportunityRequest'>;
export type SessionAnswer = Schema<'SessionDto'>;

export const STEPS = ['type', 'details', 'sessions', 'eligibility', 'places'] as const;
export type Step = (typeof STEPS)[number];

/**
 * The answers of the opportunity form as the session keeps them: strings only, the sessions and
 * specialisms as JSON. A new opportunity's draft holds every answer; an edit's only what changed.
 */
export type Answers = Record<string, string>;

/** What one step read from its form: the answers to keep, the values to show again, the messages. */
export interface StepReading {
  answers: Answers;
  values: Record<string, unknown>;
  messages: Record<string, string | undefined>;
}

export const sessionsOf = (answers: Answers): SessionAnswer[] => (answers.sessions ? (JSON.parse(answers.sessions) as SessionAnswer[]) : []);
export const specialismsOf = (answers: Answers): string[] => (answers.requiredSpecialisms ? (JSON.parse(answers.requiredSpecialisms) as string[]) : []);

/** An existing opportunity as answers, so that an edit starts from what it is. */
export function answersOf(opportunity: Opportunity): Answers {
  const closes = londonDateParts(opportunity.closesAt);
  return {
    type: opportunity.type,
    partnershipId: opportunity.partnershipId,
    hostOrganisationId: opportunity.host.id,
    title: opportunity.title,
    description: opportunity.description,
    contact: opportunity.contact,
    sessions: JSON.stringify(
      opportunity.sessions.map((session) => ({
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        ...(session.place ? { place: session.place } : {}),
        ...(session.onlineLink ? { onlineLink: session.onlineLink } : {}),
      })),
    ),
    minimumCareerStage: opportunity.minimumCareerStage,
    pepsStage: opportunity.pepsStage === null ? 'none' : String(opportunity.pepsStage),
    requiredSpecialisms: JSON.stringify(opportunity.requiredSpecialisms),
    capacity: String(opportunity.capacity),
    'closes-day': closes.day,
    'closes-month': closes.month,
    'closes-year': closes.year,
    'closes-time': timeOfDay(opportunity.closesAt),
  };
}

/** Where the opportunity is posted: a partnership and, for a lead, the member organisation hosting it. */
export interface HostChoice {
  value: string;
  partnershipId: string;
  hostOrganisationId?: string;
  text: string;
  hint?: string;
}

export function readTypeStep(body: unknown, hosts: HostChoice[]): StepReading {
  const type = textField(body, 'type');
  const host = textField(body, 'host');
  const chosen = hosts.length === 1 ? hosts[0] : hosts.find((choice) => choice.value === host);
  return {
    answers: {
      type,
      ...(chosen ? { partnershipId: chosen.partnershipId, hostOrganisationId: chosen.hostOrganisationId ?? '' } : {}),
    },
    values: { type, host },
    messages: {
      host: hosts.length > 1 && !chosen ? (hosts.some((choice) => choice.hostOrganisationId) ? 'Select who is hosting it' : 'Select the partnership it is for') : undefined,
      type: type in OPPORTUNITY_TYPE_LABELS ? undefined : 'Select the type of opportunity',
    },
  };
}

export function readDetailsStep(body: unknown): StepReading {
  const values = { title: textField(body, 'title'), description: textField(body, 'description'), contact: textField(body, 'contact') };
  return {
    answers: values,
    values,
    messages: {
      title: values.title ? undefined : 'Enter a title',
      description: values.description ? undefined : 'Enter a description',
      contact: values.contact ? undefined : 'Enter who applicants can contact',
    },
  };
}

export interface SessionFields {
  day: string;
  month: string;
  year: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineLink: string;
}

export function sessionFieldsOf(body: unknown): SessionFields {
  return {
    day: textField(body, 'session-day'),
    month: textField(body, 'session-month'),
    year: textField(body, 'session-year'),
    startTime: textField(body, 'startTime'),
    endTime: textField(body, 'endTime'),
    place: textField(body, 'place'),
    onlineLink: textField(body, 'onlineLink'),
  };
}

export const isBlank = (fields: SessionFields): boolean => Object.values(fields).every((value) => !value);

/**
 * One session as typed: its date and times must be readable to make a session at all. Whether it
 * ends after it starts, and has a place or a link, is the API's to say when it is saved.
 */
export function readSession(fields: SessionFields): { session?: SessionAnswer; messages: Record<string, string | undefined> } {
  const messages = {
    session: dateMessage(fields.day, fields.month, fields.year, 'the date of the session'),
    startTime: timeMessage(fields.startTime, 'the start time', '10am or 14:30'),
    endTime: timeMessage(fields.endTime, 'the end time', '12:30pm or 16:00'),
  };
  const startsAt = londonDateTime(fields.day, fields.month, fields.year, fields.startTime);
  const endsAt = londonDateTime(fields.day, fields.month, fields.year, fields.endTime);
  if (!startsAt || !endsAt) return { messages };
  return {
    session: { startsAt, endsAt, ...(fields.place ? { place: fields.place } : {}), ...(fields.onlineLink ? { onlineLink: fields.onlineLink } : {}) },
    messages,
  };
}

function dateMessage(day: string, month: string, year: string, name: string): string | undefined {
  if (!day && !month && !year) return `Enter ${name}`;
  return startOfLondonDay(day, month, year) ? undefined : `${name.charAt(0).toUpperCase()}${name.slice(1)} must be a real date, like 27 3 2027`;
}

function timeMessage(time: string, name: string, example: string): string | undefined {
  if (!time) return `Enter ${name}`;
  return readTimeOfDay(time) ? undefined : `Enter ${name} like ${example}`;
}

export function readEligibilityStep(body: unknown, knownSpecialisms: Set<string>): StepReading {
  const minimumCareerStage = textField(body, 'minimumCareerStage');
  const pepsStage = textField(body, 'pepsStage');
  const raw = (body as Record<string, unknown> | undefined)?.requiredSpecialisms;
  const specialisms = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((code): code is string => typeof code === 'string' && knownSpecialisms.has(code));
  return {
    answers: { minimumCareerStage, pepsStage, requiredSpecialisms: JSON.stringify(specialisms) },
    values: { minimumCareerStage, pepsStage, requiredSpecialisms: specialisms },
    messages: {
      minimumCareerStage: minimumCareerStage in CAREER_STAGE_LABELS ? undefined : 'Select the career stage applicants need to have reached',
      pepsStage: ['none', '0', '1', '2'].includes(pepsStage) ? undefined : 'Select whether applicants need a practice educator (PEPS) stage',
    },
  };
}

export function readPlacesStep(body: unknown): StepReading {
  const values = {
    capacity: textField(body, 'capacity'),
    'closes-day': textField(body, 'closes-day'),
    'closes-month': textField(body, 'closes-month'),
    'closes-year': textField(body, 'closes-year'),
    'closes-time': textField(body, 'closes-time'),
  };
  return {
    answers: values,
    values,
    messages: {
      capacity: !values.capacity ? 'Enter the number of places' : /^\d{1,4}$/.test(values.capacity) ? undefined : 'The number of places must be a whole number, like 3',
      closes: dateMessage(values['closes-day'], values['closes-month'], values['closes-year'], 'the closing date'),
      'closes-time': timeMessage(values['closes-time'], 'the closing time', '5pm or 17:00'),
    },
  };
}

/** The first step that has not been answered, or null when the form can be checked. */
export function firstUnanswered(answers: Answers): Step | null {
  if (!answers.type || !answers.partnershipId) return 'type';
  if (!answers.title || !answers.description || !answers.contact) return 'details';
  if (sessionsOf(answers).length === 0) return 'sessions';
  if (!answers.minimumCareerStage || !answers.pepsStage) return 'eligibility';
  if (!answers.capacity || !closesAtOf(answers)) return 'places';
  return null;
}

export function closesAtOf(answers: Answers): string | null {
  return londonDateTime(answers['closes-day'] ?? '', answers['closes-month'] ?? '', answers['closes-year'] ?? '', answers['closes-time'] ?? '');
}

/** The whole of what PUT takes, from complete answers. */
export function updateRequestOf(answers: Answers): UpdateRequest {
  const pepsStage = answers.pepsStage === 'none' ? undefined : Number(answers.pepsStage);
  return {
    title: answers.title!,
    description: answers.description!,
    contact: answers.contact!,
    sessions: sessionsOf(answers),
    capacity: Number(answers.capacity),
    requiredSpecialisms: specialismsOf(answers),
    minimumCareerStage: answers.minimumCareerStage as UpdateRequest['minimumCareerStage'],
    ...(pepsStage === undefined ? {} : { pepsStage: pepsStage as UpdateRequest['pepsStage'] }),
    closesAt: closesAtOf(answers)!,
  };
}

export function createRequestOf(answers: Answers): CreateRequest {
  return {
    ...updateRequestOf(answers),
    type: answers.type as CreateRequest['type'],
    partnershipId: answers.partnershipId!,
    ...(answers.hostOrganisationId ? { hostOrganisationId: answers.hostOrganisationId } : {}),
  };
}

const STEP_OF_FIELD: Record<string, Step> = {
  type: 'type',
  partnershipId: 'type',
  hostOrganisationId: 'type',
  title: 'details',
  description: 'details',
  contact: 'details',
  sessions: 'sessions',
  minimumCareerStage: 'eligibility',
  pepsStage: 'eligibility',
  requiredSpecialisms: 'eligibility',
  capacity: 'places',
  closesAt: 'places',
};

// The API's field names, in the words its messages should have on a page.
const WORDS: [RegExp, string][] = [
  [/\bhostOrganisationId\b/g, 'the host'],
  [/\bpartnershipId\b/g, 'the partnership'],
  [/\bminimumCareerStage\b/g, 'the career stage'],
  [/\brequiredSpecialisms\b/g, 'the specialisms'],
  [/\bpepsStage\b/g, 'the PEPS stage'],
  [/\bclosesAt\b/g, 'the closing date'],
  [/\bstartsAt\b/g, 'the start time'],
  [/\bendsAt\b/g, 'the end time'],
  [/\bonlineLink\b/g, 'the online link'],
  [/\bcapacity\b/g, 'the number of places'],
  [/\bpractice_educator\b/g, 'practice educator'],
  [/^(title|description|contact|place)\b/, 'the $1'],
];

/** An API message as a sentence for a page. */
function inWords(message: string): string {
  const worded = WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), message.trim());
  return worded.charAt(0).toUpperCase() + worded.slice(1);
}

/** The API's refusal of the answers, as messages by step, each naming its session where it has one. */
export function problemsByStep(problem: Partial<ProblemDetails>): { step: Step | null; text: string }[] {
  const errors = problem.errors ?? [];
  if (errors.length === 0) return [{ step: null, text: problem.detail ?? 'The opportunity could not be saved' }];
  return errors.map((error) => {
    const [field, index] = error.field.split('.');
    const text = inWords(error.messages[0] ?? 'Check this answer');
    return { step: STEP_OF_FIELD[field!] ?? null, text: field === 'sessions' && index !== undefined ? `Session ${Number(index) + 1}: ${text}` : text };
  });
}
