import { describe, expect, it } from 'vitest';
import { computeTrend, trendWindow } from '@/lib/scoring/trend';

const TODAY = '2025-03-31';

describe('computeTrend', () => {
  it('subtracts the scores of exactly 7 and 30 days ago', () => {
    const points = [{ date: '2025-03-24', score: 60 }, { date: '2025-03-01', score: 80 }];
    expect(computeTrend(70, points, TODAY)).toEqual({ delta7: 10, delta30: -10 });
  });

  it('falls back to the newest snapshot up to 3 days earlier, never a later one', () => {
    const points = [{ date: '2025-03-22', score: 50 }, { date: '2025-03-21', score: 40 }, { date: '2025-03-25', score: 99 }];
    expect(computeTrend(70, points, TODAY).delta7).toBe(20);
    expect(computeTrend(70, [{ date: '2025-03-20', score: 50 }], TODAY).delta7).toBeNull();
  });

  it('has no trend without a current or past score', () => {
    expect(computeTrend(null, [{ date: '2025-03-24', score: 60 }], TODAY)).toEqual({ delta7: null, delta30: null });
    expect(computeTrend(70, [{ date: '2025-03-24', score: null }], TODAY).delta7).toBeNull();
    expect(computeTrend(70, [], TODAY)).toEqual({ delta7: null, delta30: null });
  });

  it('crosses month ends with calendar days', () => {
    expect(trendWindow('2025-03-01', 30)).toEqual({ from: '2025-01-27', to: '2025-01-30' });
  });
});
