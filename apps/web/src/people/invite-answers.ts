import type { Schema } from '#libs/api-contract';
import { textField } from '../layout/form-errors.js';
import type { Workplace } from './people-scope.js';

export interface InviteAnswers {
  displayName?: string;
  email?: string;
  workplace?: string;
}

// Enough to catch a slip of the keyboard; the API decides what an email address is.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readDetails(body: unknown): { values: InviteAnswers; messages: Record<string, string | undefined> } {
  const values = { displayName: textField(body, 'displayName'), email: textField(body, 'email') };
  return {
    values,
    messages: {
      displayName: !values.displayName ? 'Enter their full name' : values.displayName.length > 200 ? 'Their name must be 200 characters or fewer' : undefined,
      email: !values.email
        ? 'Enter their email address'
        : !EMAIL.test(values.email) || values.email.length > 320
          ? 'Enter an email address in the correct format, like name@example.org'
          : undefined,
    },
  };
}

export function inviteRequestOf(answers: InviteAnswers, workplace: Workplace): Schema<'InviteUserRequest'> {
  return {
    displayName: answers.displayName!,
    email: answers.email!,
    role: workplace.role,
    ...(workplace.universityId && { universityId: workplace.universityId }),
    ...(workplace.councilId && { councilId: workplace.councilId }),
  };
}

/** The first step not yet answered, or null when all are. */
export function firstUnanswered(answers: InviteAnswers, workplaces: Workplace[]): 'details' | 'workplace' | null {
  if (!answers.displayName || !answers.email) return 'details';
  if (!workplaces.some((place) => place.value === answers.workplace)) return 'workplace';
  return null;
}
