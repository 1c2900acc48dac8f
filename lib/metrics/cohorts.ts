/**
 * Cohort retention by start quarter: accounts grouped by the calendar quarter of their startDate; a cohort's logo
 * retention as of `asOf` = accounts still active on asOf / accounts in the cohort × 100 (an account churned after
 * asOf was still retained then). Accounts that start after asOf, or without a valid start date, are left out.
 * `retainedArr` is the current ARR of the retained accounts. Cohorts come oldest first.
 */
import { getQuarter, parseISO } from 'date-fns';
import type { IsoDate } from '../schemas/common';
import type { Account } from '../schemas/records';
import { isIsoDate } from '../scoring/dates';
import { cannot, isAmount, type MetricResult } from './result';

export interface CohortRow {
  /** e.g. `2024-Q3` */
  cohort: string;
  accounts: number;
  retained: number;
  retentionPercent: number;
  retainedArr: number;
}

export function cohortRetention(
  accounts: readonly Pick<Account, 'startDate' | 'status' | 'churnDate' | 'arr'>[],
  asOf: IsoDate,
): MetricResult<CohortRow[]> {
  if (!isIsoDate(asOf)) return cannot(`asOf "${String(asOf)}" is not a valid date`);
  const rows = new Map<string, CohortRow>();
  for (const a of accounts) {
    if (!isIsoDate(a.startDate) || a.startDate > asOf) continue;
    const cohort = `${a.startDate.slice(0, 4)}-Q${getQuarter(parseISO(a.startDate))}`;
    let row = rows.get(cohort);
    if (!row) rows.set(cohort, (row = { cohort, accounts: 0, retained: 0, retentionPercent: 0, retainedArr: 0 }));
    row.accounts++;
    // A churned account without a valid churn date is counted as lost: the status is the stronger fact.
    const retained = a.status === 'active' || (isIsoDate(a.churnDate) && a.churnDate > asOf);
    if (retained) {
      row.retained++;
      row.retainedArr += isAmount(a.arr) ? a.arr : 0;
    }
  }
  if (rows.size === 0) return cannot(`no account started on or before ${asOf}`);
  const list = [...rows.values()].sort((x, y) => (x.cohort < y.cohort ? -1 : 1));
  for (const row of list) row.retentionPercent = (100 * row.retained) / row.accounts;
  return { ok: true, value: list };
}
