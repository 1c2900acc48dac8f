import { describe, expect, it } from 'vitest';
import { arrMovements, dollarChurn, grossRevenueRetention, logoChurn, netRevenueRetention } from '@/lib/metrics/retention';
import type { Account, Opportunity } from '@/lib/schemas/records';

const Q2 = { start: '2025-04-01', end: '2025-06-30' };

function account(id: string, fields: Partial<Account>): Account {
  return { id, name: id, domains: [], arr: 0, startDate: '2024-01-01', status: 'active', ...fields };
}
let n = 0;
function opp(accountId: string, type: Opportunity['type'], amount: number, closeDate: string, outcome: Opportunity['outcome'] = 'won'): Opportunity {
  return { id: `o${n++}`, accountId, type, amount, closeDate, stage: 'Closed', outcome };
}

const accounts: Account[] = [
  account('A', { arr: 120, startDate: '2024-01-10' }), // expanded 20 in Q2 and 10 after: start ARR 90
  account('B', { arr: 80, startDate: '2024-06-01' }), // contracted 20 in Q2: start ARR 100
  account('C', { arr: 50, startDate: '2024-02-01', status: 'churned', churnDate: '2025-05-20' }), // +10 then churned: start 40
  account('D', { arr: 500, startDate: '2025-04-01' }), // new business in Q2: not in the cohort
  account('E', { arr: 70, status: 'churned', churnDate: '2025-03-15' }), // gone before Q2
  account('F', { arr: 60, startDate: '2023-01-01' }), // partial churn 15 in Q2: start 75
  account('G', { arr: 30, status: 'churned', churnDate: '2025-08-01' }), // churned after Q2: retained in Q2
];
const opportunities: Opportunity[] = [
  opp('A', 'expansion', 20, '2025-05-01'),
  opp('A', 'expansion', 10, '2025-07-15'),
  opp('B', 'contraction', 20, '2025-05-10'),
  opp('C', 'expansion', 10, '2025-04-15'),
  opp('C', 'churn', 50, '2025-05-20'), // the same loss as C's churn: not counted twice
  opp('F', 'churn', 15, '2025-06-01'),
  opp('F', 'expansion', 100, '2025-06-01', 'lost'),
  opp('B', 'contraction', 40, '2025-06-01', 'open'),
  opp('D', 'expansion', 100, '2025-05-01'),
  opp('A', 'renewal', 120, '2025-05-01'),
];

describe('ARR movements, hand-computed', () => {
  it('rebuilds start ARR and sums the quarter’s movements', () => {
    const result = arrMovements(accounts, opportunities, Q2);
    expect(result).toEqual({
      ok: true,
      value: {
        startAccounts: 5, // A B C F G
        churnedAccounts: 1, // C
        startArr: 335, // 90 + 100 + 40 + 75 + 30
        expansion: 30, // A 20 + C 10
        contraction: 20, // B
        churn: 65, // C 50 (40 + 10) + F 15
        grossLoss: 75, // B 20 + C min(40, 50) + F 15
        churnCapped: 55, // C 40 + F 15
        ignoredOpportunities: 0,
      },
    });
  });

  it('GRR = (335 − 75) / 335 = 77.61 %', () => {
    const grr = grossRevenueRetention(accounts, opportunities, Q2);
    expect(grr.ok && grr.value).toBeCloseTo((100 * 260) / 335, 10);
  });

  it('NRR = (335 + 30 − 20 − 65) / 335 = 83.58 % (the ARR left at the end: 110 + 80 + 0 + 60 + 30 = 280)', () => {
    const nrr = netRevenueRetention(accounts, opportunities, Q2);
    expect(nrr.ok && nrr.value).toBeCloseTo((100 * 280) / 335, 10);
  });

  it('logo churn = 1 / 5 = 20 %, dollar churn = 55 / 335 = 16.42 %', () => {
    expect(logoChurn(accounts, Q2)).toEqual({ ok: true, value: 20 });
    const churn = dollarChurn(accounts, opportunities, Q2);
    expect(churn.ok && churn.value).toBeCloseTo((100 * 55) / 335, 10);
  });

  it('caps GRR’s loss at what the account brought in', () => {
    // Started at 100, expanded 50, then churned with 150: GRR loses 100 (0 %), NRR loses all 150 (0 %).
    const churner = [account('X', { arr: 150, status: 'churned', churnDate: '2025-06-01' })];
    const ops = [opp('X', 'expansion', 50, '2025-05-01')];
    expect(grossRevenueRetention(churner, ops, Q2)).toEqual({ ok: true, value: 0 });
    expect(netRevenueRetention(churner, ops, Q2)).toEqual({ ok: true, value: 0 });
  });

  it('ignores opportunities with a bad amount and counts them', () => {
    const result = arrMovements([account('A', { arr: 100 })], [opp('A', 'expansion', Number.NaN, '2025-05-01'), opp('A', 'contraction', -5, '2025-05-01')], Q2);
    expect(result).toMatchObject({ ok: true, value: { startArr: 100, expansion: 0, contraction: 0, ignoredOpportunities: 2 } });
  });
});

describe('retention edge cases', () => {
  it('cannot compute with no account at the start', () => {
    expect(grossRevenueRetention([account('D', { startDate: '2025-05-01', arr: 10 })], [], Q2)).toEqual({
      ok: false,
      reason: 'cannot compute: no accounts were active at the start of the period',
    });
    expect(logoChurn([], Q2).ok).toBe(false);
  });

  it('cannot compute ARR ratios from 0 ARR at the start, but logo churn still works', () => {
    const free = [account('A', { arr: 0 }), account('B', { arr: 0, status: 'churned', churnDate: '2025-05-01' })];
    expect(netRevenueRetention(free, [], Q2)).toEqual({ ok: false, reason: 'cannot compute: ARR at the start of the period is 0' });
    expect(dollarChurn(free, [], Q2).ok).toBe(false);
    expect(logoChurn(free, Q2)).toEqual({ ok: true, value: 50 });
  });

  it('rejects an inverted or invalid period', () => {
    expect(grossRevenueRetention(accounts, opportunities, { start: '2025-06-30', end: '2025-04-01' })).toMatchObject({ ok: false });
    expect(arrMovements(accounts, opportunities, { start: '2025-04-31', end: '2025-06-30' })).toEqual({
      ok: false,
      reason: 'cannot compute: period start "2025-04-31" is not a valid date',
    });
  });

  it('treats a NaN ARR as 0 instead of spreading NaN', () => {
    const result = grossRevenueRetention([account('A', { arr: Number.NaN }), account('B', { arr: 100 })], [], Q2);
    expect(result).toEqual({ ok: true, value: 100 });
  });
});
