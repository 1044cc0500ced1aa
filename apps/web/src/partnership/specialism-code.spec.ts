import { specialismCode } from './specialism-code.js';

describe('specialismCode', () => {
  it('turns a name into lower-case words joined by _', () => {
    expect(specialismCode('Rural practice!')).toBe('rural_practice');
    expect(specialismCode('  Child  & family work ')).toBe('child_family_work');
  });

  it('gives the same code whatever the case, so a name is refused twice', () => {
    expect(specialismCode('rural PRACTICE')).toBe(specialismCode('Rural practice'));
  });

  it('starts with a letter, and keeps to the 50 characters the API allows', () => {
    expect(specialismCode('24-hour duty')).toBe('s_24_hour_duty');
    const long = specialismCode('a '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long).toMatch(/^[a-z][a-z0-9_]{2,49}$/);
  });

  it('keeps the letters of accented names', () => {
    expect(specialismCode('Café outreach')).toBe('cafe_outreach');
  });
});
