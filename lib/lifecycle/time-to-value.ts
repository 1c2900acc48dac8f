/**
 * Time to value: days from the account's start to its first success milestone (any stage's), target below
 * settings.targets.timeToValueDays (7). Milestones dated after today or before the start, or not dated validly,
 * do not count.
 */
import type { IsoDate } from '../schemas/common';
import type { Milestone, MilestoneKey } from '../schemas/records';
import { daysBetween, isIsoDate } from '../scoring/dates';
import { SUCCESS_MILESTONES } from './stages';

export type TimeToValue =
  | { reached: true; days: number; on: IsoDate; milestone: MilestoneKey; withinTarget: boolean }
  /** Not reached yet: `elapsed` days so far; `missedTarget` once elapsed is at or past the target. */
  | { reached: false; elapsed: number; missedTarget: boolean }
  | { reached: false; invalid: string };

export function timeToValue(
  startDate: IsoDate,
  milestones: readonly Pick<Milestone, 'key' | 'date'>[],
  today: IsoDate,
  targetDays: number,
): TimeToValue {
  if (!isIsoDate(startDate)) return { reached: false, invalid: `startDate "${String(startDate)}" is not a valid date` };
  if (!isIsoDate(today)) return { reached: false, invalid: `today "${String(today)}" is not a valid date` };
  let first: Pick<Milestone, 'key' | 'date'> | null = null;
  for (const m of milestones) {
    if (!SUCCESS_MILESTONES.includes(m.key) || !isIsoDate(m.date) || m.date > today || m.date < startDate) continue;
    if (first === null || m.date < first.date) first = m;
  }
  if (first) {
    const days = daysBetween(startDate, first.date);
    return { reached: true, days, on: first.date, milestone: first.key, withinTarget: days < targetDays };
  }
  const elapsed = Math.max(0, daysBetween(startDate, today));
  return { reached: false, elapsed, missedTarget: elapsed >= targetDays };
}
