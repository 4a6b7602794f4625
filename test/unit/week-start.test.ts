// The month grid's first weekday follows the locale (Sunday in the US, Saturday in Egypt,
// Monday in France), Monday when the locale says nothing, and the grid's blanks follow it.
import { describe, expect, it } from 'vitest';
import { weekStart } from '../../src/options/browse/week-start';
import { monthGrid } from '../../src/options/browse/local-day';

describe('the first day of the week', () => {
  it('is the locale’s', () => {
    expect(weekStart('en-US')).toBe(0);
    expect(weekStart('fr-FR')).toBe(1);
    expect(weekStart('ar-EG')).toBe(6);
  });

  it('is Monday for a language tag Intl cannot read', () => {
    expect(weekStart('not a tag!')).toBe(1);
  });

  it('decides the blanks before the 1st (February 2026 begins on a Sunday)', () => {
    expect(monthGrid('2026-02', 0)[0]).toBe('2026-02-01');
    expect(monthGrid('2026-02', 1).slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(monthGrid('2026-02', 6).slice(0, 2)).toEqual([null, '2026-02-01']);
  });
});
