import { describe, expect, it } from 'vitest';
import { churnReasons } from '@/lib/metrics/churn-reasons';

const H1 = { start: '2025-01-01', end: '2025-06-30' };
const churned = (churnDate: string, arr: number, churnReason?: string) => ({ status: 'churned' as const, churnDate, arr, churnReason });

describe('churnReasons', () => {
  it('ranks reasons by ARR lost, grouping spelling variants', () => {
    const result = churnReasons(
      [
        churned('2025-02-01', 100, 'Budget cuts'),
        churned('2025-03-01', 50, '  budget CUTS '),
        churned('2025-04-01', 120, 'Moved to competitor'),
        churned('2025-05-01', 10),
        churned('2024-12-31', 1000, 'Acquired'), // before the period
        { status: 'active' as const, arr: 5000, churnReason: 'n/a' },
      ],
      H1,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((r) => [r.reason, r.accounts, r.arr])).toEqual([
      ['Budget cuts', 2, 150],
      ['Moved to competitor', 1, 120],
      ['Not given', 1, 10],
    ]);
    expect(result.value[0]?.arrSharePercent).toBeCloseTo((100 * 150) / 280, 10);
  });

  it('breaks ARR ties by count, then name; gives no share when no ARR was lost', () => {
    const result = churnReasons([churned('2025-02-01', 0, 'Zeta'), churned('2025-02-01', 0, 'Alpha'), churned('2025-03-01', 0, 'Zeta')], H1);
    expect(result.ok && result.value.map((r) => [r.reason, r.arrSharePercent])).toEqual([
      ['Zeta', null],
      ['Alpha', null],
    ]);
  });

  it('cannot compute when nobody churned in the period', () => {
    expect(churnReasons([], H1)).toEqual({ ok: false, reason: 'cannot compute: no account churned in the period' });
  });
});
