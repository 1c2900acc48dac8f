/**
 * Where an account is in its journey, what each stage has reached, and which stages stalled.
 *
 * A stage is stalled when its last day has passed and its success milestone was not reached by that day
 * (DESIGN.md §3). `stalled` stays true if the milestone comes later; the stage's `state` then says 'completed',
 * so the panel can show "completed late". A milestone counts for whichever stage it belongs to, whenever it was
 * reached: a team shared on day 3 completes Activate early. Milestones dated after today, before the start, or not
 * validly dated do not count (each is listed in `issues`).
 */
import type { IsoDate } from '../schemas/common';
import { MilestoneKey, type Milestone } from '../schemas/records';
import { addDaysIso, daysBetween, isIsoDate } from '../scoring/dates';
import { MILESTONE_LABELS, STAGES, stageForDay, type JourneyStageKey } from './stages';
import { timeToValue, type TimeToValue } from './time-to-value';

export type StageState = 'upcoming' | 'in-progress' | 'completed' | 'stalled';

export interface MilestoneProgress {
  key: MilestoneKey;
  label: string;
  success: boolean;
  reachedOn: IsoDate | null;
}

export interface StageProgress {
  key: JourneyStageKey;
  label: string;
  startsOn: IsoDate;
  /** The stage's last day; null for Expand, which never ends. */
  endsOn: IsoDate | null;
  milestones: MilestoneProgress[];
  successReachedOn: IsoDate | null;
  /** The success milestone was not reached by the stage's last day (even if it came later). */
  stalled: boolean;
  state: StageState;
}

export type Journey =
  | {
      status: 'active' | 'not-started';
      /** Negative before the start. */
      daysSinceStart: number;
      stage: JourneyStageKey | null;
      stages: StageProgress[];
      /** Some stage is stalled now: past its last day and its success milestone still missing. */
      stalled: boolean;
      timeToValue: TimeToValue;
      issues: string[];
    }
  | { status: 'invalid'; field: 'startDate' | 'today'; message: string };

export function assessJourney(
  startDate: IsoDate,
  milestones: readonly Pick<Milestone, 'key' | 'date'>[],
  today: IsoDate,
  timeToValueTargetDays: number,
): Journey {
  if (!isIsoDate(startDate)) return { status: 'invalid', field: 'startDate', message: `"${String(startDate)}" is not a valid date` };
  if (!isIsoDate(today)) return { status: 'invalid', field: 'today', message: `"${String(today)}" is not a valid date` };

  const issues: string[] = [];
  const reached = new Map<MilestoneKey, IsoDate>();
  for (const m of milestones) {
    if (!MilestoneKey.safeParse(m.key).success) issues.push(`unknown milestone "${String(m.key)}" ignored`);
    else if (!isIsoDate(m.date)) issues.push(`${m.key}: "${String(m.date)}" is not a valid date; ignored`);
    else if (m.date > today) issues.push(`${m.key}: dated after today (${m.date}); ignored`);
    else if (m.date < startDate) issues.push(`${m.key}: dated before the start (${m.date}); ignored`);
    else {
      const earlier = reached.get(m.key);
      if (earlier === undefined || m.date < earlier) reached.set(m.key, m.date);
    }
  }

  const daysSinceStart = daysBetween(startDate, today);
  const current = stageForDay(daysSinceStart);
  const stages = STAGES.map((stage): StageProgress => {
    const endsOn = stage.lastDay === null ? null : addDaysIso(startDate, stage.lastDay);
    const successReachedOn = reached.get(stage.success) ?? null;
    const over = endsOn !== null && today > endsOn;
    const stalled = over && (successReachedOn === null || (endsOn !== null && successReachedOn > endsOn));
    let state: StageState;
    if (successReachedOn !== null) state = 'completed';
    else if (over) state = 'stalled';
    else if (current?.key === stage.key) state = 'in-progress';
    else state = 'upcoming';
    return {
      key: stage.key,
      label: stage.label,
      startsOn: addDaysIso(startDate, stage.firstDay),
      endsOn,
      milestones: stage.milestones.map((key) => ({
        key,
        label: MILESTONE_LABELS[key],
        success: key === stage.success,
        reachedOn: reached.get(key) ?? null,
      })),
      successReachedOn,
      stalled,
      state,
    };
  });

  return {
    status: daysSinceStart < 0 ? 'not-started' : 'active',
    daysSinceStart,
    stage: current?.key ?? null,
    stages,
    stalled: stages.some((s) => s.state === 'stalled'),
    timeToValue: timeToValue(startDate, milestones, today, timeToValueTargetDays),
    issues,
  };
}
