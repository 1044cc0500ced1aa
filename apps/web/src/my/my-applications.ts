import type { Schema } from '#libs/api-contract';
import { type ApiClient, answer } from '../api/api-client.js';

type Opportunity = Schema<'OpportunityResponse'>;
type Application = Schema<'ApplicationResponse'>;
type Match = Schema<'MatchResponse'>;

export interface ApplicationView extends Application {
  opportunity?: Opportunity;
  match?: Match;
}

export interface MatchView extends Match {
  opportunity?: Opportunity;
}

/**
 * The practitioner's applications (or the one with `onlyId`), each with its opportunity and its
 * match (if one was proposed); and their matches made without an application (from a recommendation).
 */
export async function myApplicationsAndMatches(api: ApiClient, onlyId?: string): Promise<{ applications: ApplicationView[]; otherMatches: MatchView[] }> {
  const [all, matches] = await Promise.all([answer(api.GET('/api/me/applications')), answer(api.GET('/api/me/matches'))]);
  const applications = onlyId ? all.filter((application) => application.id === onlyId) : all;
  const otherMatches = onlyId ? [] : matches.filter((match) => !match.applicationId);
  const ids = [...new Set([...applications.map((application) => application.opportunityId), ...otherMatches.map((match) => match.opportunityId)])];
  // An opportunity the person can no longer see (it closed, or left their partnership) is shown without its details.
  const opportunities = await Promise.all(
    ids.map(async (id) => (await api.GET('/api/opportunities/{id}', { params: { path: { id } } })).data),
  );
  const byId = new Map(opportunities.filter((o): o is Opportunity => Boolean(o)).map((o) => [o.id, o]));
  return {
    applications: applications.map((application) => ({
      ...application,
      opportunity: byId.get(application.opportunityId),
      match: matches.find((match) => match.applicationId === application.id),
    })),
    otherMatches: otherMatches.map((match) => ({ ...match, opportunity: byId.get(match.opportunityId) })),
  };
}

/** The practitioner's applications (or the one with `onlyId`), each with its opportunity and its match. */
export async function myApplications(api: ApiClient, onlyId?: string): Promise<ApplicationView[]> {
  return (await myApplicationsAndMatches(api, onlyId)).applications;
}

/** Where an application stands, in one word for its tag. */
export function standingOf(application: ApplicationView): string {
  if (application.status === 'withdrawn') return 'withdrawn';
  return application.match?.status ?? 'submitted';
}

type TimelineItem = { label: { text: string }; text?: string; datetime: { timestamp: string; type: string } };

const newestFirst = (items: TimelineItem[]) => items.sort((a, b) => Date.parse(b.datetime.timestamp) - Date.parse(a.datetime.timestamp));

/** What happened to a match, for the MOJ timeline: proposed, then approved or not, with the lead's note. */
function matchEvents(match: Match, proposedText: string): TimelineItem[] {
  const items: TimelineItem[] = [{ label: { text: proposedText }, datetime: { timestamp: match.proposedAt, type: 'datetime' } }];
  if (match.decidedAt) {
    items.push({
      label: { text: match.status === 'approved' ? 'Approved' : 'Not approved' },
      ...(match.note ? { text: match.note } : {}),
      datetime: { timestamp: match.decidedAt, type: 'datetime' },
    });
  }
  return items;
}

/** The application's story, newest first, for the MOJ timeline. */
export function timelineOf(application: ApplicationView): TimelineItem[] {
  const items: TimelineItem[] = [{ label: { text: 'Application sent' }, datetime: { timestamp: application.submittedAt, type: 'datetime' } }];
  if (application.match) items.push(...matchEvents(application.match, 'Proposed as a match'));
  if (application.withdrawnAt) items.push({ label: { text: 'Withdrawn' }, datetime: { timestamp: application.withdrawnAt, type: 'datetime' } });
  return newestFirst(items);
}

/** A match's story, newest first, from the application it was made from (if any). */
export function matchTimelineOf(match: Match, application?: Application): TimelineItem[] {
  const items: TimelineItem[] = [];
  if (application) items.push({ label: { text: 'Application sent' }, datetime: { timestamp: application.submittedAt, type: 'datetime' } });
  items.push(...matchEvents(match, application ? 'Proposed as a match' : 'Proposed from your profile'));
  if (application?.withdrawnAt) items.push({ label: { text: 'Withdrawn' }, datetime: { timestamp: application.withdrawnAt, type: 'datetime' } });
  return newestFirst(items);
}
