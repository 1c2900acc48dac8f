/**
 * The six headline metrics for one set of accounts and their records, over the periods the caller chooses.
 * Each value is a number with a short detail ("214 responses"), or the reason it cannot be computed.
 */
import { csatPercentGood } from '../metrics/csat';
import { medianFirstResponse } from '../metrics/first-response';
import { netPromoterScore } from '../metrics/nps';
import type { MetricResult, Period } from '../metrics/result';
import { revenueRetention } from '../metrics/retention';
import { medianTimeToValue } from '../metrics/time-to-value';
import type { IsoDate } from '../schemas/common';
import type { Account, Milestone, NpsResponse, Opportunity, Ticket } from '../schemas/records';
import type { MetricTargets } from '../schemas/settings';
import { addDaysIso, utcMidnightMs } from '../scoring/dates';
import type { MetricKey } from './definitions';

export type MetricValue = { ok: true; value: number; detail: string } | { ok: false; reason: string };
export type MetricValues = Record<MetricKey, MetricValue>;

export interface MetricRecords {
  accounts: readonly Account[];
  opportunities: readonly Opportunity[];
  nps: readonly Pick<NpsResponse, 'score' | 'date'>[];
  tickets: readonly Pick<Ticket, 'createdAt' | 'firstReplyMinutes' | 'satisfaction'>[];
  milestones: readonly Pick<Milestone, 'accountId' | 'key' | 'date'>[];
}

export interface MetricPeriods {
  /** GRR and NRR. */
  retention: Period;
  /** NPS, CSAT, first response. */
  experience: Period;
  /** Time to value: accounts that started in this period. */
  onboarding: Period;
}

/** The `days` days ending on `today`, both included. */
export function lastDays(today: IsoDate, days: number): Period {
  return { start: addDaysIso(today, 1 - days), end: today };
}

/** The popup's periods: a year for retention and onboarding, a quarter for customer experience. */
export function popupPeriods(today: IsoDate): MetricPeriods {
  return { retention: lastDays(today, 365), experience: lastDays(today, 90), onboarding: lastDays(today, 365) };
}

/** Ticket instants of a period of days: from the first day's UTC midnight to the day after the last (ticket days are UTC). */
export function instantRange(period: Period): { fromMs: number; toMs: number } {
  return { fromMs: utcMidnightMs(period.start), toMs: utcMidnightMs(addDaysIso(period.end, 1)) };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function computeMetrics(records: MetricRecords, periods: MetricPeriods, targets: MetricTargets): MetricValues {
  if (records.accounts.length === 0) {
    const none: MetricValue = { ok: false, reason: 'cannot compute: no accounts in this selection' };
    return { nrr: none, grr: none, nps: none, csat: none, frt: none, ttv: none };
  }
  const percent = (result: MetricResult<number>): MetricValue =>
    result.ok ? { ok: true, value: result.value, detail: `${periods.retention.start} – ${periods.retention.end}` } : result;
  const retention = revenueRetention(records.accounts, records.opportunities, periods.retention);
  const nps = netPromoterScore(records.nps, periods.experience);
  const range = instantRange(periods.experience);
  const csat = csatPercentGood(records.tickets, range);
  const frt = medianFirstResponse(records.tickets, range);
  const { start, end } = periods.onboarding;
  const started = records.accounts.filter((a) => a.startDate >= start && a.startDate <= end);
  const ttv =
    started.length === 0
      ? { ok: false as const, reason: `cannot compute: no account started between ${start} and ${end}` }
      : medianTimeToValue(started, records.milestones, end, targets.timeToValueDays);
  return {
    nrr: percent(retention.nrr),
    grr: percent(retention.grr),
    nps: nps.ok ? { ok: true, value: nps.value.score, detail: count(nps.value.responses, 'response') } : nps,
    csat: csat.ok ? { ok: true, value: csat.value.percentGood, detail: `${csat.value.good} good of ${count(csat.value.good + csat.value.bad, 'rating')}` } : csat,
    frt: frt.ok ? { ok: true, value: frt.value.medianMinutes, detail: count(frt.value.answered, 'answered ticket') } : frt,
    ttv: ttv.ok ? { ok: true, value: ttv.value.medianDays, detail: `${count(ttv.value.reached, 'account')} reached value` } : ttv,
  };
}
