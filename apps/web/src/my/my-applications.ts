import type { Schema } from '#libs/api-contract';
import { type ApiClient, answer } from '../api/api-client.js';

type Opportunity = Schema<'OpportunityResponse'>;
type Application = Schema<'ApplicationResponse'>;
type Match = Schema<'MatchResponse'>;

export interface ApplicationView extends Application {
  opportunity?: Opportunity;
  match?: Match;
}

/** The practitioner's applications (or the one with `onlyId`), each with its opportunity and its match (if one was proposed). */
export async function myApplications(api: ApiClient, onlyId?: string): Promise<ApplicationView[]> {
  const [all, matches] = await Promise.all([answer(api.GET('/api/me/applications')), answer(api.GET('/api/me/matches'))]);
  const applications = onlyId ? all.filter((application) => application.id === onlyId) : all;
  const ids = [...new Set(applications.map((application) => application.opportunityId))];
  // An opportunity the person can no longer see (it closed, or left their partnership) is shown without its details.
  const opportunities = await Promise.all(
    ids.map(async (id) => (await api.GET('/api/opportunities/{id}', { params: { path: { id } } })).data),
  );
  const byId = new Map(opportunities.filter((o): o is Opportunity => Boolean(o)).map((o) => [o.id, o]));
  return applications.map((application) => ({
    ...application,
    opportunity: byId.get(application.opportunityId),
    match: matches.find((match) => match.applicationId === application.id),
  }));
}

/** Where an application stands, in one word for its tag. */
export function standingOf(application: ApplicationView): string {
  if (application.status === 'withdrawn') return 'withdrawn';
  return application.match?.status ?? 'submitted';
}

/** The application's story, newest first, for the MOJ timeline. */
export function timelineOf(application: ApplicationView): { label: { text: string }; text?: string; datetime: { timestamp: string; type: string } }[] {
  const items = [{ label: { text: 'Application sent' }, datetime: { timestamp: application.submittedAt, type: 'datetime' } }];
  const match = application.match;
  if (match) items.push({ label: { text: 'Proposed as a match' }, datetime: { timestamp: match.proposedAt, type: 'datetime' } });
  if (match?.decidedAt) {
    items.push({
      label: { text: match.status === 'approved' ? 'Approved' : 'Not approved' },
      ...(match.note ? { text: match.note } : {}),
      datetime: { timestamp: match.decidedAt, type: 'datetime' },
    });
  }
  if (application.withdrawnAt) items.push({ label: { text: 'Withdrawn' }, datetime: { timestamp: application.withdrawnAt, type: 'datetime' } });
  return items.sort((a, b) => Date.parse(b.datetime.timestamp) - Date.parse(a.datetime.timestamp));
}
