import { describe, expect, it } from 'vitest';
import { timeToValue } from '@/lib/lifecycle/time-to-value';

describe('timeToValue', () => {
  it('counts days from start to the first success milestone of any stage', () => {
    const milestones = [
      { key: 'first-assessment' as const, date: '2025-03-02' }, // not a success milestone
      { key: 'shared-with-team' as const, date: '2025-03-09' },
      { key: 'first-gap-identified' as const, date: '2025-03-12' },
    ];
    expect(timeToValue('2025-03-01', milestones, '2025-04-01', 7)).toEqual({
      reached: true, days: 8, on: '2025-03-09', milestone: 'shared-with-team', withinTarget: false,
    });
  });

  it('meets the target only strictly below it', () => {
    expect(timeToValue('2025-03-01', [{ key: 'first-gap-identified', date: '2025-03-07' }], '2025-04-01', 7)).toMatchObject({ days: 6, withinTarget: true });
    expect(timeToValue('2025-03-01', [{ key: 'first-gap-identified', date: '2025-03-08' }], '2025-04-01', 7)).toMatchObject({ days: 7, withinTarget: false });
  });

  it('counts calendar days across a daylight-saving change', () => {
    // Europe and the US change clocks in late March; a calendar day is still a day.
    expect(timeToValue('2025-03-29', [{ key: 'first-gap-identified', date: '2025-04-01' }], '2025-04-02', 7)).toMatchObject({ days: 3 });
  });

  it('says how long an account has waited, and when the target is already missed', () => {
    expect(timeToValue('2025-03-01', [], '2025-03-05', 7)).toEqual({ reached: false, elapsed: 4, missedTarget: false });
    expect(timeToValue('2025-03-01', [], '2025-03-08', 7)).toEqual({ reached: false, elapsed: 7, missedTarget: true });
    expect(timeToValue('2025-03-10', [], '2025-03-08', 7)).toEqual({ reached: false, elapsed: 0, missedTarget: false });
  });

  it('reports an invalid start date instead of a NaN', () => {
    expect(timeToValue('not-a-date', [], '2025-03-08', 7)).toEqual({ reached: false, invalid: 'startDate "not-a-date" is not a valid date' });
  });
});
