import { capacityProblem, scheduleProblems, statusAfter, statusAfterTakingPlace, typeProblems, WrongStateError } from './opportunity.js';

describe('the opportunity lifecycle', () => {
  it.each([
    ['publish', 'draft', 'published'],
    ['close', 'published', 'closed'],
    ['cancel', 'draft', 'cancelled'],
    ['cancel', 'filled', 'cancelled'],
    ['complete', 'closed', 'completed'],
    ['update', 'published', 'published'],
  ] as const)('lets %s move %s to %s', (action, from, to) => {
    expect(statusAfter(action, from)).toBe(to);
  });

  it.each([
    ['publish', 'published', 'A published opportunity cannot be published.'],
    ['close', 'draft', 'A draft opportunity cannot be closed.'],
    ['cancel', 'completed', 'A completed opportunity cannot be cancelled.'],
    ['cancel', 'cancelled', 'A cancelled opportunity cannot be cancelled.'],
    ['complete', 'draft', 'A draft opportunity cannot be completed.'],
    ['update', 'closed', 'A closed opportunity cannot be changed.'],
  ] as const)('refuses to %s a %s opportunity', (action, from, message) => {
    expect(() => statusAfter(action, from)).toThrow(new WrongStateError(message));
  });
});

describe('schedule rules', () => {
  const session = (startsAt: string, endsAt: string) => ({ startsAt, endsAt, place: 'UEA' });

  it('accepts sessions that end after they start, with applications closing before the first', () => {
    expect(scheduleProblems({ sessions: [session('2027-03-02T10:00:00Z', '2027-03-02T12:00:00Z')], closesAt: '2027-02-20T17:00:00Z' })).toEqual([]);
  });

  it('names a session that ends before it starts', () => {
    const problems = scheduleProblems({
      sessions: [session('2027-03-02T10:00:00Z', '2027-03-02T12:00:00Z'), session('2027-03-03T10:00:00Z', '2027-03-03T09:00:00Z')],
      closesAt: '2027-02-20T17:00:00Z',
    });
    expect(problems).toEqual([{ field: 'sessions.1.endsAt', messages: ['endsAt must be after startsAt'] }]);
  });

  it('asks where each session happens', () => {
    expect(scheduleProblems({ sessions: [{ startsAt: '2027-03-02T10:00:00Z', endsAt: '2027-03-02T12:00:00Z' }], closesAt: '2027-02-20T17:00:00Z' })).toEqual([
      { field: 'sessions.0', messages: ['a session needs a place, an online link or both'] },
    ]);
  });

  it('compares instants, whatever the offsets they are written with', () => {
    // 10:30+01:00 is 09:30Z: after the close at 09:00Z.
    expect(scheduleProblems({ sessions: [session('2027-03-02T10:30:00+01:00', '2027-03-02T12:00:00+01:00')], closesAt: '2027-03-02T09:00:00Z' })).toEqual([]);
    expect(scheduleProblems({ sessions: [session('2027-03-02T10:30:00+01:00', '2027-03-02T12:00:00+01:00')], closesAt: '2027-03-02T09:30:00Z' })).toEqual([
      { field: 'closesAt', messages: ['closesAt must be before the first session starts'] },
    ]);
  });

  it('asks a practice educator role for its PEPS stage', () => {
    expect(typeProblems('practice_educator', undefined)).toEqual([{ field: 'pepsStage', messages: ['pepsStage is required for a practice_educator opportunity'] }]);
    expect(typeProblems('practice_educator', 2)).toEqual([]);
    expect(typeProblems('teaching', undefined)).toEqual([]);
  });
});

describe('taking a place', () => {
  it('leaves it open while places are left, and fills it with the last', () => {
    expect(statusAfterTakingPlace({ status: 'published', capacity: 3 }, 1)).toBe('published');
    expect(statusAfterTakingPlace({ status: 'closed', capacity: 3 }, 2)).toBe('filled');
    expect(statusAfterTakingPlace({ status: 'published', capacity: 1 }, 0)).toBe('filled');
  });

  it('refuses when every place is taken', () => {
    expect(() => statusAfterTakingPlace({ status: 'closed', capacity: 2 }, 2)).toThrow(new WrongStateError('All 2 places are taken.'));
  });

  it.each(['draft', 'filled', 'completed', 'cancelled'] as const)('takes no place of a %s opportunity', (status) => {
    expect(() => statusAfterTakingPlace({ status, capacity: 5 }, 0)).toThrow(new WrongStateError(`The opportunity is ${status}: no places can be taken.`));
  });
});

describe('capacity', () => {
  it('may drop to the places taken, not below', () => {
    expect(capacityProblem(2, 2)).toBeNull();
    expect(capacityProblem(1, 2)).toBe('2 places are taken already: capacity cannot drop below that.');
  });
});
