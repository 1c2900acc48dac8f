/**
 * Why customers left: accounts churned in the period (churnDate in [start, end]) grouped by churnReason, ranked by
 * ARR lost (then by count, then by name). Reasons are grouped ignoring case and surrounding spaces and shown as
 * first written; a missing reason is "Not given". arrSharePercent = 100 × reason's ARR / all churned ARR (null
 * when all churned ARR is 0). No churn in the period → cannot compute.
 */
import type { Account } from '../schemas/records';
import { isIsoDate } from '../scoring/dates';
import { cannot, isAmount, periodProblem, type MetricResult, type Period } from './result';

export const NO_REASON = 'Not given';

export interface ChurnReasonRow {
  reason: string;
  accounts: number;
  arr: number;
  arrSharePercent: number | null;
}

export function churnReasons(
  accounts: readonly Pick<Account, 'status' | 'churnDate' | 'churnReason' | 'arr'>[],
  period: Period,
): MetricResult<ChurnReasonRow[]> {
  const problem = periodProblem(period);
  if (problem) return cannot(problem);
  const rows = new Map<string, ChurnReasonRow>();
  let total = 0;
  for (const a of accounts) {
    if (a.status !== 'churned' || !isIsoDate(a.churnDate) || a.churnDate < period.start || a.churnDate > period.end) continue;
    const reason = a.churnReason?.trim() || NO_REASON;
    const key = reason.toLowerCase();
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { reason, accounts: 0, arr: 0, arrSharePercent: null }));
    const arr = isAmount(a.arr) ? a.arr : 0;
    row.accounts++;
    row.arr += arr;
    total += arr;
  }
  if (rows.size === 0) return cannot('no account churned in the period');
  const list = [...rows.values()];
  for (const row of list) row.arrSharePercent = total > 0 ? (100 * row.arr) / total : null;
  list.sort((a, b) => b.arr - a.arr || b.accounts - a.accounts || a.reason.localeCompare(b.reason));
  return { ok: true, value: list };
}
