import { CAREER_STAGES, seededRandom, yearsQualifiedFor } from './demo-catalogue.js';

describe('the demo practitioners', () => {
  it('have been qualified for as long as their career stage takes', () => {
    const random = seededRandom(7);
    const drawn = (stage: (typeof CAREER_STAGES)[number]) => Array.from({ length: 200 }, () => yearsQualifiedFor(stage, random));
    const median = (years: (number | null)[]) => (years as number[]).sort((a, b) => a - b)[100]!;

    expect(drawn('student').every((years) => years === null)).toBe(true);
    expect(Math.max(...(drawn('asye') as number[]))).toBeLessThanOrEqual(1);
    const medians = CAREER_STAGES.slice(1).map((stage) => median(drawn(stage)));
    expect(medians).toEqual([...medians].sort((a, b) => a - b));
    expect(medians.at(-1)).toBeGreaterThanOrEqual(10);
  });
});
