import type { Schema } from '#libs/api-contract';

export type ProblemDetails = Schema<'ProblemDetails'>;

/** The API answered with a problem (4xx or 5xx). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDetails>,
  ) {
    super(`The API answered ${status}: ${problem.detail ?? problem.title ?? ''}`);
    this.name = 'ApiProblem';
  }

  /** The first message for each invalid field the API named. */
  fieldMessages(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error) => [error.field, error.messages[0] ?? 'Check this answer']));
  }
}

/** The API could not be reached, or did not answer in time. */
export class ApiUnavailable extends Error {
  constructor(cause: unknown) {
    super('The API could not be reached', { cause });
    this.name = 'ApiUnavailable';
  }
}

/** The page needs a signed-in person (or their session ran out): sign in and come back. */
export class SignInRequired extends Error {
  constructor(readonly returnTo?: string) {
    super('Sign in required');
    this.name = 'SignInRequired';
  }
}

/** This person's role has no business on this page. */
export class NotForYourRole extends Error {
  constructor() {
    super('Not for this role');
    this.name = 'NotForYourRole';
  }
}

/** The problem's own words for a refusal the page shows (a conflict, a field the API would not take). */
export function refusalOf(error: unknown, fallback: string): string {
  const problem = (error ?? {}) as ApiProblem['problem'];
  return problem.errors?.[0]?.messages[0] ?? problem.detail ?? fallback;
}
