/**
 * Reasons a lead can give for not going ahead, as DfE Apply groups its rejection reasons: what the
 * lead ticks, and the sentence the practitioner reads in their email. They become the decision's
 * note, so the API keeps one free text and the words stay the web's.
 */
export const REJECTION_REASONS = [
  { value: 'places', text: 'More people offered their time than there are places', sentence: 'More people offered their time than there are places.' },
  { value: 'experience', text: 'Others’ experience fits what the sessions need more closely', sentence: 'Others’ experience fitted what the sessions need more closely.' },
  { value: 'availability', text: 'Their availability does not fit the session times', sentence: 'Your availability does not fit the session times.' },
  { value: 'turns', text: 'They took part recently, and others have not had a turn', sentence: 'You took part recently, and we are giving others a turn.' },
] as const;

export const DETAIL_LIMIT = 500;

/** The ticked reasons a form sent, known ones only, in the order of the list. */
export function reasonsFrom(body: unknown): string[] {
  const sent = (body as Record<string, unknown> | undefined)?.reasons;
  const values = (Array.isArray(sent) ? sent : [sent]).filter((value): value is string => typeof value === 'string');
  return REJECTION_REASONS.filter((reason) => values.includes(reason.value)).map((reason) => reason.value);
}

/** The note the practitioner reads: the ticked reasons' sentences, then what the lead wrote. */
export function rejectionNote(reasons: string[], detail: string): string {
  const sentences = REJECTION_REASONS.filter((reason) => reasons.includes(reason.value)).map((reason) => reason.sentence);
  return [...sentences, detail].filter(Boolean).join(' ');
}
