import { CAREER_STAGES, type CareerStage } from '#libs/practitioners';

export interface Requirements {
  minimumCareerStage: CareerStage;
  pepsStage: number | null;
}

export interface Qualifications {
  careerStage: CareerStage;
  pepsStage: number;
}

/** Why a practitioner may not take an opportunity, in words for them; empty when they may. */
export function ineligibilityReasons(required: Requirements, practitioner: Qualifications): string[] {
  const reasons: string[] = [];
  if (CAREER_STAGES.indexOf(practitioner.careerStage) < CAREER_STAGES.indexOf(required.minimumCareerStage)) {
    reasons.push(`it asks for career stage ${required.minimumCareerStage} or above; your profile says ${practitioner.careerStage}`);
  }
  if (required.pepsStage !== null && practitioner.pepsStage < required.pepsStage) {
    reasons.push(`it asks for PEPS stage ${required.pepsStage}; your profile says ${practitioner.pepsStage}`);
  }
  return reasons;
}
