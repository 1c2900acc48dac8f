/**
 * Median time to value over accounts: days from start to the first success milestone (lib/lifecycle), median over
 * the accounts that reached one (even count: mean of the two middle values). Accounts still waiting are counted in
 * `waiting`; `withinTargetPercent` is the share of reached accounts below the target. None reached → cannot compute.
 */
import type { IsoDate } from '../schemas/common';
import type { Account, Milestone } from '../schemas/records';
import { timeToValue } from '../lifecycle/time-to-value';
import { cannot, median, type MetricResult } from './result';

export interface TimeToValueSummary {
  medianDays: number;
  reached: number;
  waiting: number;
  withinTargetPercent: number;
  invalid: number;
}

export function medianTimeToValue(
  accounts: readonly Pick<Account, 'id' | 'startDate'>[],
  milestones: readonly Pick<Milestone, 'accountId' | 'key' | 'date'>[],
  today: IsoDate,
  targetDays: number,
): MetricResult<TimeToValueSummary> {
  const byAccount = new Map<string, Pick<Milestone, 'key' | 'date'>[]>();
  for (const m of milestones) {
    const list = byAccount.get(m.accountId);
    if (list) list.push(m);
    else byAccount.set(m.accountId, [m]);
  }
  const days: number[] = [];
  let within = 0;
  let waiting = 0;
  let invalid = 0;
  for (const account of accounts) {
    const ttv = timeToValue(account.startDate, byAccount.get(account.id) ?? [], today, targetDays);
    if (ttv.reached) {
      days.push(ttv.days);
      if (ttv.withinTarget) within++;
    } else if ('invalid' in ttv) invalid++;
    else waiting++;
  }
  const middle = median(days);
  if (middle === null) return cannot('no account has reached a success milestone');
  return { ok: true, value: { medianDays: middle, reached: days.length, waiting, withinTargetPercent: (100 * within) / days.length, invalid } };
}
