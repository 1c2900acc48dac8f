import { describe, expect, it } from 'vitest';
import { medianTimeToValue } from '@/lib/metrics/time-to-value';

describe('medianTimeToValue', () => {
  const accounts = [
    { id: 'a1', startDate: '2025-01-01' },
    { id: 'a2', startDate: '2025-01-01' },
    { id: 'a3', startDate: '2025-02-01' },
    { id: 'a4', startDate: '2025-02-01' },
    { id: 'a5', startDate: 'unknown' },
  ];
  const milestones = [
    { accountId: 'a1', key: 'first-gap-identified' as const, date: '2025-01-04' }, // 3 days
    { accountId: 'a2', key: 'shared-with-team' as const, date: '2025-01-11' }, // 10 days
    { accountId: 'a3', key: 'first-gap-identified' as const, date: '2025-02-06' }, // 5 days
    { accountId: 'a4', key: 'first-assessment' as const, date: '2025-02-02' }, // not a success milestone
  ];

  it('takes the median over accounts that reached value: [3, 5, 10] → 5; 2 of 3 under 7 days', () => {
    const result = medianTimeToValue(accounts, milestones, '2025-03-01', 7);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ medianDays: 5, reached: 3, waiting: 1, invalid: 1 });
    expect(result.value.withinTargetPercent).toBeCloseTo(200 / 3, 10);
  });

  it('cannot compute when no account reached value', () => {
    expect(medianTimeToValue(accounts, [], '2025-03-01', 7)).toEqual({ ok: false, reason: 'cannot compute: no account has reached a success milestone' });
  });
});
