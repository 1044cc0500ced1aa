import { CAREER_STAGES } from '#libs/practitioners';

/** A small deterministic generator, so every demo run makes the same people and opportunities. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const FIRST_NAMES = ['Amara', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Femi', 'Grace', 'Hassan', 'Isla', 'Jack', 'Kiran', 'Laura', 'Marek', 'Nia', 'Owen', 'Priya', 'Rosa', 'Sam', 'Tom', 'Yusuf'];
export const LAST_NAMES = ['Adeyemi', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morris', 'Nowak', 'Patel', 'Smith', 'Taylor', 'Walker', 'Wright', 'Young'];
export const SPECIALISMS = ['child_protection', 'fostering_and_adoption', 'mental_health', 'disability', 'youth_justice', 'domestic_abuse', 'adult_safeguarding'];
export { CAREER_STAGES };

/** Opportunity ideas of each type, as partnerships describe them. */
export const OPPORTUNITY_IDEAS: Record<'teaching' | 'interviewing' | 'research' | 'practice_educator', readonly (readonly [string, string])[]> = {
  teaching: [
    ['Lecture: assessing risk in child protection', 'A two-hour lecture for second-year BA students on assessing and recording risk, with a case study.'],
    ['Seminar: working with families affected by domestic abuse', 'Lead a seminar for MA students on safety planning and multi-agency working.'],
    ['Peer workshop for ASYE social workers: court skills', 'Share your experience of giving evidence in care proceedings with newly qualified colleagues.'],
    ['Guest session: mental health and the Mental Health Act', 'Talk with final-year students about AMHP work and assessments under the Act.'],
  ],
  interviewing: [
    ['Admissions interview day: BA Social Work', 'Join an academic on an interview panel for applicants to the BA; training given on the day.'],
    ['Admissions interview day: MA Social Work', 'Interview applicants to the MA alongside an academic and a person with lived experience.'],
  ],
  research: [
    ['Group research project: what helps kinship carers', 'A small practitioner research group on support for kinship carers, meeting monthly.'],
    ['Research interviews on hospital discharge', 'Help a university team design and run interviews with adults leaving hospital.'],
  ],
  practice_educator: [
    ['Practice educator for a first placement student', 'Supervise a first-year student on a 70-day placement in a children\'s team.'],
    ['Practice educator for a final placement student', 'Supervise a final-year student on a 100-day placement in an adults\' team.'],
  ],
};

/** Years since qualifying that fit each career stage, fewest to most; students have not qualified. */
const YEARS_QUALIFIED: Record<(typeof CAREER_STAGES)[number], [number, number] | null> = {
  student: null,
  asye: [0, 1],
  social_worker: [1, 6],
  senior_practitioner: [4, 12],
  advanced_practitioner: [6, 20],
  team_manager: [6, 25],
  principal_social_worker: [10, 30],
};

export function yearsQualifiedFor(stage: (typeof CAREER_STAGES)[number], random: () => number): number | null {
  const range = YEARS_QUALIFIED[stage];
  return range && range[0] + Math.floor(random() * (range[1] - range[0] + 1));
}
