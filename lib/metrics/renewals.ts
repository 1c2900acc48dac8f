/**
 * Renewals coming up, and the ARR they are expected to keep.
 *
 * renewalsDue: active accounts whose renewalDate is from today to today + N days, both included, for each horizon
 * (cumulative: the 60-day bucket contains the 30-day one). Active accounts whose renewal date has passed are
 * reported apart as `overdue`.
 *
 * renewalForecast: over the renewals due within the horizon,
 *   expectedArr = Σ arr × weight[band of the account], expectedPercent = 100 × expectedArr / Σ arr.
 * The weights are the chance that an account of that band renews, a parameter (DEFAULT_FORECAST_WEIGHTS:
 * healthy 0.95, at-risk 0.7, critical 0.4, unknown 0.8 — an unscored account is assumed near the portfolio's
 * usual renewal rate rather than at risk).
 */
import type { Band, IsoDate } from '../schemas/common';
import type { Account } from '../schemas/records';
import { addDaysIso, isIsoDate } from '../scoring/dates';
import { cannot, isAmount, type MetricResult } from './result';

export const DEFAULT_FORECAST_WEIGHTS: Readonly<Record<Band, number>> = { healthy: 0.95, 'at-risk': 0.7, critical: 0.4, unknown: 0.8 };

type RenewalAccount = Pick<Account, 'id' | 'arr' | 'status' | 'renewalDate'>;

export interface RenewalBucket {
  days: number;
  count: number;
  arr: number;
  accountIds: string[];
}

export function renewalsDue(
  accounts: readonly RenewalAccount[],
  today: IsoDate,
  horizons: readonly number[] = [30, 60, 90],
): MetricResult<{ buckets: RenewalBucket[]; overdue: { count: number; arr: number; accountIds: string[] } }> {
  if (!isIsoDate(today)) return cannot(`today "${String(today)}" is not a valid date`);
  const bad = horizons.find((h) => !(Number.isInteger(h) && h >= 0));
  if (bad !== undefined) return cannot(`horizon ${String(bad)} is not a whole number of days`);
  const buckets = horizons.map((days) => ({ days, last: addDaysIso(today, days), count: 0, arr: 0, accountIds: [] as string[] }));
  const overdue = { count: 0, arr: 0, accountIds: [] as string[] };
  for (const a of accounts) {
    if (a.status !== 'active' || !isIsoDate(a.renewalDate)) continue;
    const arr = isAmount(a.arr) ? a.arr : 0;
    if (a.renewalDate < today) {
      overdue.count++;
      overdue.arr += arr;
      overdue.accountIds.push(a.id);
      continue;
    }
    for (const bucket of buckets) {
      if (a.renewalDate <= bucket.last) {
        bucket.count++;
        bucket.arr += arr;
        bucket.accountIds.push(a.id);
      }
    }
  }
  return { ok: true, value: { buckets: buckets.map(({ last: _last, ...bucket }) => bucket), overdue } };
}

export interface RenewalForecast {
  arrDue: number;
  expectedArr: number;
  expectedPercent: number;
  byBand: Record<Band, { count: number; arr: number; expectedArr: number }>;
}

export function renewalForecast(
  accounts: readonly RenewalAccount[],
  bandOf: (accountId: string) => Band,
  today: IsoDate,
  horizonDays = 90,
  weights: Readonly<Record<Band, number>> = DEFAULT_FORECAST_WEIGHTS,
): MetricResult<RenewalForecast> {
  for (const band of ['healthy', 'at-risk', 'critical', 'unknown'] as const) {
    const w = weights[band];
    if (!(Number.isFinite(w) && w >= 0 && w <= 1)) return cannot(`the weight for ${band} must be between 0 and 1`);
  }
  const due = renewalsDue(accounts, today, [horizonDays]);
  if (!due.ok) return due;
  const bucket = due.value.buckets[0];
  if (!bucket || bucket.count === 0) return cannot(`no renewals due in the next ${horizonDays} days`);
  const inBucket = new Set(bucket.accountIds);
  const empty = () => ({ count: 0, arr: 0, expectedArr: 0 });
  const byBand: Record<Band, { count: number; arr: number; expectedArr: number }> = {
    healthy: empty(), 'at-risk': empty(), critical: empty(), unknown: empty(),
  };
  let expectedArr = 0;
  for (const a of accounts) {
    if (!inBucket.has(a.id)) continue;
    const given = bandOf(a.id);
    const band: Band = Object.hasOwn(byBand, given) ? given : 'unknown';
    const arr = isAmount(a.arr) ? a.arr : 0;
    const row = byBand[band];
    row.count++;
    row.arr += arr;
    row.expectedArr += arr * weights[band];
    expectedArr += arr * weights[band];
  }
  return {
    ok: true,
    value: { arrDue: bucket.arr, expectedArr, expectedPercent: bucket.arr > 0 ? (100 * expectedArr) / bucket.arr : 0, byBand },
  };
}
