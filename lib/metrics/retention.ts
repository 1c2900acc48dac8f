/**
 * Revenue retention over a period: GRR, NRR, logo churn and dollar churn (DESIGN.md §3).
 *
 * Start cohort: accounts that started before the period's first day and had not churned before it. Accounts that
 * start inside the period are new business and count nowhere here.
 *
 * ARR at start, per account: Account.arr is the current ARR (for a churned account, its ARR when it churned), so
 * the ARR at the start is rebuilt by undoing the won changes closed on or after the period's first day:
 *   startArr = arr − Σ expansion + Σ contraction (+ Σ partial churn, for an active account), at least 0.
 *
 * Movements inside the period (won opportunities with closeDate in [start, end]):
 *   expansion, contraction: Σ amounts of those types;
 *   churn: an account whose churnDate is in the period loses all it had: startArr + expansion − contraction
 *          (its 'churn' opportunities describe that same loss and are not added again).
 *          An account still active loses Σ won 'churn' opportunities (partial churn, e.g. a product dropped).
 *   gross loss = min(startArr, contraction + churn)   (what GRR counts: never more than the account brought in)
 *
 *   GRR          = (Σ startArr − Σ gross loss) / Σ startArr × 100            (0–100 %)
 *   NRR          = (Σ startArr + Σ expansion − Σ contraction − Σ churn) / Σ startArr × 100
 *   logo churn   = accounts churned in the period / accounts in the start cohort × 100
 *   dollar churn = Σ min(startArr, churn) / Σ startArr × 100
 *
 * Opportunities of other types or outcomes, of accounts outside the cohort, or with a negative / non-numeric
 * amount are left out (the last are counted in `ignoredOpportunities`).
 */
import type { Account, Opportunity } from '../schemas/records';
import { isIsoDate } from '../scoring/dates';
import { cannot, isAmount, periodProblem, type MetricResult, type Period } from './result';

export interface ArrMovements {
  startAccounts: number;
  churnedAccounts: number;
  startArr: number;
  expansion: number;
  contraction: number;
  churn: number;
  grossLoss: number;
  /** Churn capped per account at its ARR at start. */
  churnCapped: number;
  ignoredOpportunities: number;
}

export function arrMovements(accounts: readonly Account[], opportunities: readonly Opportunity[], period: Period): MetricResult<ArrMovements> {
  const problem = periodProblem(period);
  if (problem) return cannot(problem);

  const cohort = new Map<string, Account>();
  for (const a of accounts) {
    if (!isIsoDate(a.startDate) || a.startDate >= period.start) continue;
    const churnedBefore = a.status === 'churned' && (!isIsoDate(a.churnDate) || a.churnDate < period.start);
    if (!churnedBefore) cohort.set(a.id, a);
  }
  if (cohort.size === 0) return cannot('no accounts were active at the start of the period');

  interface Sums { expansionSince: number; contractionSince: number; churnSince: number; expansion: number; contraction: number; churn: number }
  const byAccount = new Map<string, Sums>();
  let ignoredOpportunities = 0;
  for (const o of opportunities) {
    if (o.outcome !== 'won' || !cohort.has(o.accountId) || !isIsoDate(o.closeDate) || o.closeDate < period.start) continue;
    if (o.type !== 'expansion' && o.type !== 'contraction' && o.type !== 'churn') continue;
    if (!isAmount(o.amount)) {
      ignoredOpportunities++;
      continue;
    }
    let sums = byAccount.get(o.accountId);
    if (!sums) {
      sums = { expansionSince: 0, contractionSince: 0, churnSince: 0, expansion: 0, contraction: 0, churn: 0 };
      byAccount.set(o.accountId, sums);
    }
    // Every change since the start is undone to find the ARR at start; those up to the end are the period's.
    const inPeriod = o.closeDate <= period.end;
    if (o.type === 'expansion') {
      sums.expansionSince += o.amount;
      if (inPeriod) sums.expansion += o.amount;
    } else if (o.type === 'contraction') {
      sums.contractionSince += o.amount;
      if (inPeriod) sums.contraction += o.amount;
    } else {
      sums.churnSince += o.amount;
      if (inPeriod) sums.churn += o.amount;
    }
  }

  const totals: ArrMovements = {
    startAccounts: cohort.size, churnedAccounts: 0, startArr: 0, expansion: 0, contraction: 0, churn: 0, grossLoss: 0, churnCapped: 0,
    ignoredOpportunities,
  };
  for (const account of cohort.values()) {
    const sums = byAccount.get(account.id);
    const arr = isAmount(account.arr) ? account.arr : 0;
    // A churned account's arr is its ARR when it churned: its churn opportunities are not in it, nothing to undo.
    const churnedEver = account.status === 'churned';
    const churnedInPeriod = churnedEver && isIsoDate(account.churnDate) && account.churnDate <= period.end;
    const undone = sums ? -sums.expansionSince + sums.contractionSince + (churnedEver ? 0 : sums.churnSince) : 0;
    const startArr = Math.max(0, arr + undone);
    const expansion = sums?.expansion ?? 0;
    const contraction = sums?.contraction ?? 0;
    const churn = churnedInPeriod ? Math.max(0, startArr + expansion - contraction) : (sums?.churn ?? 0);
    totals.startArr += startArr;
    totals.expansion += expansion;
    totals.contraction += contraction;
    totals.churn += churn;
    totals.grossLoss += Math.min(startArr, contraction + churn);
    totals.churnCapped += Math.min(startArr, churn);
    if (churnedInPeriod) totals.churnedAccounts++;
  }
  return { ok: true, value: totals };
}

export interface RetentionMetrics {
  grr: MetricResult<number>;
  nrr: MetricResult<number>;
  dollarChurn: MetricResult<number>;
  logoChurn: MetricResult<number>;
}

/** GRR, NRR, dollar and logo churn from one pass over the records (the report needs all four for many periods). */
export function revenueRetention(accounts: readonly Account[], opportunities: readonly Opportunity[], period: Period): RetentionMetrics {
  const movements = arrMovements(accounts, opportunities, period);
  if (!movements.ok) return { grr: movements, nrr: movements, dollarChurn: movements, logoChurn: movements };
  const m = movements.value;
  const ofStartArr = (numerator: number): MetricResult<number> =>
    m.startArr === 0 ? cannot('ARR at the start of the period is 0') : { ok: true, value: (100 * numerator) / m.startArr };
  return {
    grr: ofStartArr(m.startArr - m.grossLoss),
    nrr: ofStartArr(m.startArr + m.expansion - m.contraction - m.churn),
    dollarChurn: ofStartArr(m.churnCapped),
    // Works when ARR at start is 0.
    logoChurn: { ok: true, value: (100 * m.churnedAccounts) / m.startAccounts },
  };
}

/** Gross revenue retention, % (see the file comment). */
export function grossRevenueRetention(accounts: readonly Account[], opportunities: readonly Opportunity[], period: Period): MetricResult<number> {
  return revenueRetention(accounts, opportunities, period).grr;
}

/** Net revenue retention, % (see the file comment). */
export function netRevenueRetention(accounts: readonly Account[], opportunities: readonly Opportunity[], period: Period): MetricResult<number> {
  return revenueRetention(accounts, opportunities, period).nrr;
}

/** Dollar churn: ARR lost to churn / ARR at start, % (see the file comment). */
export function dollarChurn(accounts: readonly Account[], opportunities: readonly Opportunity[], period: Period): MetricResult<number> {
  return revenueRetention(accounts, opportunities, period).dollarChurn;
}

/** Logo churn: accounts lost / accounts at start, %. Works when ARR at start is 0. */
export function logoChurn(accounts: readonly Account[], period: Period): MetricResult<number> {
  return revenueRetention(accounts, [], period).logoChurn;
}
