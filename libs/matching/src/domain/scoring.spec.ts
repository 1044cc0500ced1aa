import { type Factors, pointsOf, reasonsFor, scoreOf, WEIGHTS } from './scoring.js';

const fit: Factors = {
  specialismsCovered: 2,
  specialismsRequired: 4,
  sessionsInPreferredFormat: 1,
  sessions: 2,
  formats: ['in_person', 'online'],
  nearness: 'none',
  takenRecently: 1,
  lastTakenAt: '2026-03-10T12:00:00.000Z',
  pepsRequired: null,
  pepsStage: 1,
};

describe('scoring', () => {
  const better: [string, Partial<Factors>][] = [
    ['more specialisms covered', { specialismsCovered: 3 }],
    ['more sessions in a preferred format', { sessionsInPreferredFormat: 2 }],
    ['a host in the same region', { nearness: 'same_region' }],
    ['fewer opportunities taken lately', { takenRecently: 0 }],
    ['a PEPS stage above the one required', { pepsRequired: 1, pepsStage: 2 }],
  ];
  it.each(better)('ranks higher for %s', (_, change) => {
    expect(scoreOf({ ...fit, ...change })).toBeGreaterThan(scoreOf(fit));
  });

  it('ranks the own council above the same region', () => {
    expect(scoreOf({ ...fit, nearness: 'own_council' })).toBeGreaterThan(scoreOf({ ...fit, nearness: 'same_region' }));
  });

  it('ranks lower for each opportunity taken lately', () => {
    expect(scoreOf({ ...fit, takenRecently: 2 })).toBeLessThan(scoreOf({ ...fit, takenRecently: 1 }));
  });

  it('gives each factor at most its weight, and a perfect fit 100', () => {
    const perfect: Factors = { ...fit, specialismsCovered: 4, sessionsInPreferredFormat: 2, nearness: 'own_council', takenRecently: 0, pepsRequired: 1, pepsStage: 2 };
    expect(pointsOf(perfect)).toEqual(WEIGHTS);
    expect(scoreOf(perfect)).toBe(100);
    expect(scoreOf({ ...fit, specialismsCovered: 0, sessionsInPreferredFormat: 0, takenRecently: 1_000_000 })).toBeCloseTo(0, 1);
  });

  it('counts every specialism covered when none is asked for', () => {
    expect(pointsOf({ ...fit, specialismsCovered: 0, specialismsRequired: 0 }).specialisms).toBe(WEIGHTS.specialisms);
  });

  it('gives PEPS points only for practice educator roles', () => {
    expect(pointsOf({ ...fit, pepsRequired: null, pepsStage: 2 }).peps).toBe(0);
    expect(pointsOf({ ...fit, pepsRequired: 2, pepsStage: 2 }).peps).toBe(0);
  });

  it('says in words what each factor found', () => {
    expect(reasonsFor(fit)).toEqual([
      'covers 2 of 4 specialisms asked for',
      '1 opportunity taken in the last six months',
      'prefers the format of 1 of 2 sessions',
    ]);
    expect(
      reasonsFor({ ...fit, specialismsCovered: 4, sessionsInPreferredFormat: 2, takenRecently: 0, nearness: 'own_council', pepsRequired: 1, pepsStage: 2 }),
    ).toEqual([
      'covers all 4 specialisms asked for',
      'PEPS stage 2',
      'no opportunity taken since March 2026',
      'prefers in person and online, as offered',
      'hosted by their own council',
    ]);
    expect(reasonsFor({ ...fit, specialismsRequired: 0, specialismsCovered: 0, takenRecently: 0, lastTakenAt: null, sessionsInPreferredFormat: 0, formats: ['online'], nearness: 'same_region' })).toEqual([
      'no opportunity taken yet',
      'offered online, which is not a preferred format',
      'host council is in the same region',
    ]);
    expect(reasonsFor({ ...fit, specialismsCovered: 0, takenRecently: 3 })).toContain('covers none of the 4 specialisms asked for');
    expect(reasonsFor({ ...fit, specialismsCovered: 1, specialismsRequired: 1 })[0]).toBe('covers the specialism asked for');
    expect(reasonsFor({ ...fit, specialismsCovered: 0, specialismsRequired: 1 })[0]).toBe('does not cover the specialism asked for');
    expect(reasonsFor({ ...fit, specialismsCovered: 2, specialismsRequired: 2 })[0]).toBe('covers both specialisms asked for');
    expect(reasonsFor({ ...fit, specialismsCovered: 0, specialismsRequired: 2 })[0]).toBe('covers neither specialism asked for');
    expect(reasonsFor({ ...fit, takenRecently: 3 })).toContain('3 opportunities taken in the last six months');
  });
});
