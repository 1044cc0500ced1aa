import type { InvalidField } from '#libs/http';

export const OPPORTUNITY_TYPES = ['teaching', 'interviewing', 'research', 'practice_educator'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const OPPORTUNITY_STATUSES = ['draft', 'published', 'closed', 'filled', 'completed', 'cancelled'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const OPPORTUNITY_ACTIONS = ['update', 'publish', 'close', 'cancel', 'complete'] as const;
export type OpportunityAction = (typeof OPPORTUNITY_ACTIONS)[number];

/** The lifecycle: from which statuses each action may be taken, and where it leads. */
const LIFECYCLE: Record<OpportunityAction, { from: readonly OpportunityStatus[]; to: OpportunityStatus | null; done: string }> = {
  update: { from: ['draft', 'published'], to: null, done: 'changed' },
  publish: { from: ['draft'], to: 'published', done: 'published' },
  close: { from: ['published'], to: 'closed', done: 'closed' },
  cancel: { from: ['draft', 'published', 'closed', 'filled'], to: 'cancelled', done: 'cancelled' },
  complete: { from: ['published', 'closed', 'filled'], to: 'completed', done: 'completed' },
};

export class WrongStateError extends Error {}

/** The actions the lifecycle allows from `status`, in the order a page offers them. */
export function actionsFrom(status: OpportunityStatus): OpportunityAction[] {
  return OPPORTUNITY_ACTIONS.filter((action) => LIFECYCLE[action].from.includes(status));
}

/** The status `action` leads to from `status` (unchanged for an update), or a WrongStateError saying why not. */
export function statusAfter(action: OpportunityAction, status: OpportunityStatus): OpportunityStatus {
  const step = LIFECYCLE[action];
  if (!step.from.includes(status)) {
    throw new WrongStateError(`A ${status} opportunity cannot be ${step.done}.`);
  }
  return step.to ?? status;
}

/** Where approvals take places: open for applications, or closed to them but not yet run. */
const TAKING_PLACES: readonly OpportunityStatus[] = ['published', 'closed'];

/**
 * The status an approval leaves the opportunity in when it takes one more place, with `taken` taken
 * already: the last place fills it. A WrongStateError says why no place can be taken.
 */
export function statusAfterTakingPlace(opportunity: { status: OpportunityStatus; capacity: number }, taken: number): OpportunityStatus {
  if (!TAKING_PLACES.includes(opportunity.status)) throw new WrongStateError(`The opportunity is ${opportunity.status}: no places can be taken.`);
  if (taken >= opportunity.capacity) throw new WrongStateError(`All ${opportunity.capacity} places are taken.`);
  return taken + 1 >= opportunity.capacity ? 'filled' : opportunity.status;
}

/** Why the capacity cannot change to `capacity` when approvals have taken `taken` places; null when it can. */
export function capacityProblem(capacity: number, taken: number): string | null {
  return capacity < taken ? `${taken} places are taken already: capacity cannot drop below that.` : null;
}

export interface Schedule {
  sessions: { startsAt: string; endsAt: string; place?: string; onlineLink?: string }[];
  closesAt: string;
}

/**
 * The rules no single field shows: each session ends after it starts and happens somewhere (a place,
 * a link or both), and applications close before the first session.
 */
export function scheduleProblems({ sessions, closesAt }: Schedule): InvalidField[] {
  const problems: InvalidField[] = sessions.flatMap((session, index) => [
    ...(Date.parse(session.endsAt) <= Date.parse(session.startsAt) ? [{ field: `sessions.${index}.endsAt`, messages: ['endsAt must be after startsAt'] }] : []),
    ...(!session.place && !session.onlineLink ? [{ field: `sessions.${index}`, messages: ['a session needs a place, an online link or both'] }] : []),
  ]);
  const firstStart = Math.min(...sessions.map((session) => Date.parse(session.startsAt)));
  if (sessions.length > 0 && Date.parse(closesAt) >= firstStart) {
    problems.push({ field: 'closesAt', messages: ['closesAt must be before the first session starts'] });
  }
  return problems;
}

/** What the type demands: a practice educator role names the PEPS stage it needs. */
export function typeProblems(type: OpportunityType, pepsStage: number | undefined): InvalidField[] {
  return type === 'practice_educator' && pepsStage === undefined
    ? [{ field: 'pepsStage', messages: ['pepsStage is required for a practice_educator opportunity'] }]
    : [];
}
