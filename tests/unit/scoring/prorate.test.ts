/** Usage of an account younger than the window is measured against the days it has existed, not the whole window. */
import { describe, expect, it } from 'vitest';
import { assessAccount } from '@/lib/scoring/account-health';
import type { HealthInputs } from '@/lib/scoring/inputs';
import { makeAccount, makeSettings, makeUsage, TODAY } from './fixtures';

/** Professional, 10 seats: per 30 days 120 logins, 4 assessments, 4 reports. Window 2025-05-16 … 2025-06-14. */
function young(startDate: string, usage = [makeUsage('2025-06-10', { logins: 20, assessments: 1, reports: 0 })]): HealthInputs {
  return { account: makeAccount({ startDate }), usage, tickets: [], nps: [], meetings: [] };
}

const usageOf = (inputs: HealthInputs, windowDays = 30) =>
  assessAccount(inputs, makeSettings({ windowDays }), TODAY).factors.usage;

describe('usage pro-rated for accounts younger than the window', () => {
  it('judges a 10-day-old account against 10 days: logins 20 / 40 = 50, assessments 1 / 1.33 = 75, reports 0', () => {
    // Started 2025-06-05: the window days from the start are 06-05 … 06-14, 10 of 30.
    const usage = usageOf(young('2025-06-05'));
    expect(usage.indicators.map((i) => [i.key, i.value, i.expected])).toEqual([
      ['logins', 20, 40],
      ['assessments', 1, 4 / 3],
      ['reports', 0, 4 / 3],
    ]);
    expect(usage.indicators.map((i) => i.score)).toEqual([50, 75, 0]);
    expect(usage.score).toBeCloseTo(125 / 3, 10);
    expect(usage.indicators[0]?.note).toMatch(/10 of 30 days/);
  });

  it('would have scored the same account against the full window before: 20 / 120', () => {
    // The start before the window: nothing is pro-rated.
    const usage = usageOf(young('2025-05-16'));
    expect(usage.indicators.map((i) => i.expected)).toEqual([120, 4, 4]);
    expect(usage.indicators[0]?.note).not.toMatch(/of 30 days/);
  });

  it('counts the days from the start, not the window length: 10 days with a 60-day window expects 10/30 of a month', () => {
    expect(usageOf(young('2025-06-05'), 60).indicators.map((i) => i.expected)).toEqual([40, 4 / 3, 4 / 3]);
  });

  it('pro-rates a 1-day-old account to one day', () => {
    const usage = usageOf(young('2025-06-14', [makeUsage('2025-06-14', { logins: 4, assessments: 0, reports: 0 })]));
    expect(usage.indicators.map((i) => i.expected)).toEqual([4, 4 / 30, 4 / 30]);
    expect(usage.indicators[0]?.score).toBe(100);
  });

  it('has no usage score on the first day: no complete day to measure', () => {
    const health = assessAccount(young(TODAY, [makeUsage(TODAY, { logins: 4 })]), makeSettings(), TODAY);
    expect(health.factors.usage.score).toBeNull();
    expect(health.factors.usage.indicators.every((i) => i.score === null && /first day/.test(i.note))).toBe(true);
    expect(health.computedScore === null || Number.isInteger(health.computedScore)).toBe(true);
  });

  it('does not pro-rate when the start date is broken (the issue is reported instead)', () => {
    expect(usageOf(young('not-a-date')).indicators.map((i) => i.expected)).toEqual([120, 4, 4]);
  });
});
