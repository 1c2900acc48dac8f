import { describe, expect, it } from 'vitest';
import { netPromoterScore } from '@/lib/metrics/nps';

const period = { start: '2025-04-01', end: '2025-06-30' };
const r = (score: number, date = '2025-05-01') => ({ score, date });

describe('netPromoterScore', () => {
  it('is % promoters − % detractors: 3 promoters, 1 passive, 1 detractor of 5 → 60 − 20 = 40', () => {
    expect(netPromoterScore([r(10), r(10), r(9), r(8), r(3)], period)).toEqual({
      ok: true,
      value: { score: 40, promoters: 3, passives: 1, detractors: 1, responses: 5, ignored: 0 },
    });
  });

  it('puts 6 with detractors and 7 with passives; counts only the period (ends included)', () => {
    const result = netPromoterScore([r(6, '2025-04-01'), r(7, '2025-06-30'), r(10, '2025-03-31'), r(10, '2025-07-01')], period);
    expect(result).toMatchObject({ ok: true, value: { score: -50, detractors: 1, passives: 1, responses: 2 } });
  });

  it('leaves out scores that are not whole numbers 0–10', () => {
    const result = netPromoterScore([r(11), r(-1), r(Number.NaN), r(7.5), r(9)], period);
    expect(result).toMatchObject({ ok: true, value: { score: 100, responses: 1, ignored: 4 } });
  });

  it('cannot compute without responses', () => {
    expect(netPromoterScore([], period)).toEqual({ ok: false, reason: 'cannot compute: no NPS responses in the period' });
    expect(netPromoterScore([r(9, '2024-01-01')], period).ok).toBe(false);
  });
});
