import type { Schema } from '#libs/api-contract';

type Profile = Schema<'PractitionerProfileRequest'>;

/** The profile as its question pages fill it in: any part may still be missing. */
export interface ProfileAnswers {
  careerStage?: Profile['careerStage'];
  yearsQualified?: number;
  specialisms?: string[];
  pepsStage?: Profile['pepsStage'];
  weekdays?: number[];
  unavailable: { from: string; to: string }[];
  preferredFormats?: Profile['preferredFormats'];
  maxOpportunitiesPerTerm?: number;
}

export const PROFILE_DRAFT = 'profile';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const FORMAT_LABELS: Record<string, string> = { in_person: 'In person', online: 'Online' };

/** The sections of the task list, each complete when its questions are answered. */
export const PROFILE_SECTIONS = [
  { path: 'career', title: 'Career stage and experience', done: (a: ProfileAnswers) => Boolean(a.careerStage) },
  { path: 'specialisms', title: 'Specialisms', done: (a: ProfileAnswers) => a.specialisms !== undefined },
  { path: 'practice-educator', title: 'Practice educator stage', done: (a: ProfileAnswers) => a.pepsStage !== undefined },
  { path: 'availability', title: 'Availability', done: (a: ProfileAnswers) => a.weekdays !== undefined },
  { path: 'formats', title: 'How and how often', done: (a: ProfileAnswers) => a.preferredFormats !== undefined && a.maxOpportunitiesPerTerm !== undefined },
] as const;

export function answersFrom(profile: Schema<'PractitionerProfileResponse'> | undefined): ProfileAnswers {
  if (!profile) return { unavailable: [] };
  return {
    careerStage: profile.careerStage,
    yearsQualified: profile.yearsQualified ?? undefined,
    specialisms: profile.specialisms,
    pepsStage: profile.pepsStage,
    weekdays: profile.availability.weekdays,
    unavailable: profile.availability.unavailable.map(({ from, to }) => ({ from, to })),
    preferredFormats: profile.preferredFormats,
    maxOpportunitiesPerTerm: profile.maxOpportunitiesPerTerm,
  };
}

/** The request to save, once every section is complete. */
export function profileRequestOf(answers: ProfileAnswers): Profile | null {
  if (!PROFILE_SECTIONS.every((section) => section.done(answers))) return null;
  return {
    careerStage: answers.careerStage!,
    ...(answers.yearsQualified !== undefined && { yearsQualified: answers.yearsQualified }),
    specialisms: answers.specialisms!,
    pepsStage: answers.pepsStage!,
    availability: { weekdays: answers.weekdays!, unavailable: answers.unavailable },
    preferredFormats: answers.preferredFormats!,
    maxOpportunitiesPerTerm: answers.maxOpportunitiesPerTerm!,
  };
}
