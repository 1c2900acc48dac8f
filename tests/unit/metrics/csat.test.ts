import { describe, expect, it } from 'vitest';
import { csatMean, csatPercentGood } from '@/lib/metrics/csat';

describe('csatMean', () => {
  it('averages 1–5 ratings: (5 + 4 + 4 + 3) / 4 = 4', () => {
    expect(csatMean([5, 4, 4, 3])).toEqual({ ok: true, value: { mean: 4, count: 4, ignored: 0 } });
  });

  it('leaves out ratings outside 1–5 or not whole', () => {
    expect(csatMean([5, 0, 6, 4.5, Number.NaN, 2])).toEqual({ ok: true, value: { mean: 3.5, count: 2, ignored: 4 } });
  });

  it('cannot compute without ratings', () => {
    expect(csatMean([])).toEqual({ ok: false, reason: 'cannot compute: no ratings from 1 to 5' });
  });
});

describe('csatPercentGood', () => {
  const range = { fromMs: Date.parse('2025-06-01T00:00:00Z'), toMs: Date.parse('2025-07-01T00:00:00Z') };
  const t = (iso: string, satisfaction: 'good' | 'bad' | 'offered' | 'unoffered') => ({ createdAt: Date.parse(iso), satisfaction });

  it('is good / (good + bad): 3 good, 1 bad → 75 %; unanswered offers do not count', () => {
    const tickets = [
      t('2025-06-01T00:00:00Z', 'good'), t('2025-06-10T00:00:00Z', 'good'), t('2025-06-20T00:00:00Z', 'good'),
      t('2025-06-30T23:59:59Z', 'bad'), t('2025-06-15T00:00:00Z', 'offered'), t('2025-06-15T00:00:00Z', 'unoffered'),
      t('2025-07-01T00:00:00Z', 'bad'), // the range's end is excluded
    ];
    expect(csatPercentGood(tickets, range)).toEqual({ ok: true, value: { percentGood: 75, good: 3, bad: 1 } });
  });

  it('cannot compute without ratings', () => {
    expect(csatPercentGood([t('2025-06-10T00:00:00Z', 'offered')], range)).toEqual({ ok: false, reason: 'cannot compute: no rated tickets in the period' });
  });
});
