import { describe, expect, it } from 'vitest';
import { DEFAULT_FORECAST_WEIGHTS, renewalForecast, renewalsDue } from '@/lib/metrics/renewals';
import type { Band } from '@/lib/schemas/common';
import type { Account } from '@/lib/schemas/records';

const TODAY = '2025-06-15';
const a = (id: string, renewalDate: string | undefined, arr: number, status: Account['status'] = 'active') => ({ id, renewalDate, arr, status });

describe('renewalsDue', () => {
  const accounts = [
    a('today', '2025-06-15', 10),
    a('d30', '2025-07-15', 20), // exactly 30 days
    a('d31', '2025-07-16', 40),
    a('d90', '2025-09-13', 80),
    a('d91', '2025-09-14', 160),
    a('gone', '2025-06-20', 320, 'churned'),
    a('late', '2025-06-01', 640),
    a('none', undefined, 1280),
  ];

  it('buckets cumulatively, both ends included, and lists overdue renewals apart', () => {
    const result = renewalsDue(accounts, TODAY);
    expect(result).toEqual({
      ok: true,
      value: {
        buckets: [
          { days: 30, count: 2, arr: 30, accountIds: ['today', 'd30'] },
          { days: 60, count: 3, arr: 70, accountIds: ['today', 'd30', 'd31'] },
          { days: 90, count: 4, arr: 150, accountIds: ['today', 'd30', 'd31', 'd90'] },
        ],
        overdue: { count: 1, arr: 640, accountIds: ['late'] },
      },
    });
  });

  it('gives empty buckets for an empty portfolio and refuses a bad today', () => {
    const empty = renewalsDue([], TODAY);
    expect(empty.ok && empty.value.buckets.map((b) => b.count)).toEqual([0, 0, 0]);
    expect(renewalsDue(accounts, '15/06/2025').ok).toBe(false);
  });
});

describe('renewalForecast', () => {
  const accounts = [a('h', '2025-07-01', 100), a('r', '2025-07-01', 200), a('c', '2025-08-01', 300), a('u', '2025-09-01', 400), a('far', '2026-01-01', 999)];
  const bands: Record<string, Band> = { h: 'healthy', r: 'at-risk', c: 'critical', u: 'unknown', far: 'healthy' };

  it('weights ARR due by health band: 100×0.95 + 200×0.7 + 300×0.4 + 400×0.8 = 675 of 1000', () => {
    const result = renewalForecast(accounts, (id) => bands[id] ?? 'unknown', TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.arrDue).toBe(1000);
    expect(result.value.expectedArr).toBeCloseTo(675, 10);
    expect(result.value.expectedPercent).toBeCloseTo(67.5, 10);
    expect(result.value.byBand['at-risk']).toEqual({ count: 1, arr: 200, expectedArr: 140 });
  });

  it('takes the weights as a parameter', () => {
    const result = renewalForecast(accounts, (id) => bands[id] ?? 'unknown', TODAY, 30, { ...DEFAULT_FORECAST_WEIGHTS, healthy: 1, 'at-risk': 0.5 });
    // Due within 30 days: h and r only. 100 × 1 + 200 × 0.5 = 200.
    expect(result).toMatchObject({ ok: true, value: { arrDue: 300, expectedArr: 200 } });
  });

  it('cannot compute with nothing due or a weight outside 0–1', () => {
    expect(renewalForecast([], () => 'healthy', TODAY)).toEqual({ ok: false, reason: 'cannot compute: no renewals due in the next 90 days' });
    expect(renewalForecast(accounts, () => 'healthy', TODAY, 90, { ...DEFAULT_FORECAST_WEIGHTS, critical: 1.5 })).toEqual({
      ok: false,
      reason: 'cannot compute: the weight for critical must be between 0 and 1',
    });
  });

  it('gives 0 % rather than NaN when everything due has 0 ARR', () => {
    expect(renewalForecast([a('free', '2025-07-01', 0)], () => 'healthy', TODAY)).toMatchObject({ ok: true, value: { expectedPercent: 0 } });
  });
});
