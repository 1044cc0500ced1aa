import { ineligibilityReasons } from './eligibility.js';

describe('eligibility', () => {
  it('accepts a practitioner at or above the career stage and PEPS stage asked for', () => {
    expect(ineligibilityReasons({ minimumCareerStage: 'social_worker', pepsStage: 1 }, { careerStage: 'social_worker', pepsStage: 1 })).toEqual([]);
    expect(ineligibilityReasons({ minimumCareerStage: 'asye', pepsStage: null }, { careerStage: 'team_manager', pepsStage: 0 })).toEqual([]);
  });

  it('says each way a practitioner falls short', () => {
    expect(ineligibilityReasons({ minimumCareerStage: 'senior_practitioner', pepsStage: 2 }, { careerStage: 'asye', pepsStage: 1 })).toEqual([
      'it asks for career stage senior_practitioner or above; your profile says asye',
      'it asks for PEPS stage 2; your profile says 1',
    ]);
  });
});
