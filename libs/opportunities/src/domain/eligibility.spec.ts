import { eligibilityOf, type EligibilityFacts } from './eligibility.js';

const now = new Date('2027-03-01T10:00:00Z');
const open: EligibilityFacts = {
  opportunity: { status: 'published', closesAt: new Date('2027-03-10T10:00:00Z'), minimumCareerStage: 'social_worker', pepsStage: null, placesLeft: 2 },
  profile: { careerStage: 'social_worker', pepsStage: 0 },
  applied: false,
  now,
};
const facts = (change: { opportunity?: Partial<EligibilityFacts['opportunity']>; profile?: EligibilityFacts['profile']; applied?: boolean }): EligibilityFacts => ({
  ...open,
  ...change,
  opportunity: { ...open.opportunity, ...change.opportunity },
});

describe('eligibility to apply', () => {
  it('lets a practitioner at or above the career stage and PEPS stage asked for apply to an open opportunity with places', () => {
    expect(eligibilityOf(open)).toEqual({ eligible: true, reasons: [] });
    expect(eligibilityOf(facts({ opportunity: { pepsStage: 1 }, profile: { careerStage: 'team_manager', pepsStage: 2 } }))).toEqual({ eligible: true, reasons: [] });
  });

  it.each([
    ['a career stage below the one asked', facts({ profile: { careerStage: 'asye', pepsStage: 0 } }), ['career_stage']],
    ['a PEPS stage below the one asked', facts({ opportunity: { pepsStage: 2 }, profile: { careerStage: 'social_worker', pepsStage: 1 } }), ['peps_stage']],
    ['no profile (and so no stage to judge)', facts({ profile: null, opportunity: { pepsStage: 2 } }), ['no_profile']],
    ['an application already, withdrawn or not', facts({ applied: true }), ['already_applied']],
    ['a closing date passed', facts({ opportunity: { closesAt: now } }), ['closed']],
    ['a closed opportunity', facts({ opportunity: { status: 'closed' } }), ['closed']],
    ['a cancelled opportunity', facts({ opportunity: { status: 'cancelled' } }), ['closed']],
    ['a filled opportunity', facts({ opportunity: { status: 'filled', placesLeft: 0 } }), ['no_places']],
    ['no places left, not yet marked filled', facts({ opportunity: { placesLeft: 0 } }), ['no_places']],
  ])('refuses %s', (_, given, reasons) => {
    expect(eligibilityOf(given)).toEqual({ eligible: false, reasons });
  });

  it('gives every reason at once, in the order a page tells them', () => {
    const all = facts({ opportunity: { status: 'filled', placesLeft: 0, closesAt: now, pepsStage: 2, minimumCareerStage: 'senior_practitioner' }, profile: { careerStage: 'asye', pepsStage: 1 }, applied: true });
    expect(eligibilityOf(all).reasons).toEqual(['closed', 'no_places', 'already_applied', 'career_stage', 'peps_stage']);
  });
});
