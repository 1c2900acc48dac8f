/**
 * Turns one account's stored rows into the plain numbers the trigger rules read. Pure: lib/playbooks/evaluate.ts
 * reads the rows from the database.
 */
import { assessJourney } from '../lifecycle/journey';
import { STAGES } from '../lifecycle/stages';
import type { Band, IsoDate } from '../schemas/common';
import type { Account, Milestone, NpsResponse, UsageDay } from '../schemas/records';
import type { Settings } from '../schemas/settings';
import { bandFor } from '../scoring/health';
import type { StalledStage, TriggerInput, UsageVsLimit } from './triggers';

export interface HealthNow {
  score: number | null;
  band: Band;
}

export interface AccountFacts {
  account: Account;
  today: IsoDate;
  health: HealthNow;
  /** The computed score at the previous evaluation (the latest snapshot before today), null when unknown. */
  previousScore: number | null;
  score30DaysAgo: number | null;
  /** Usage rows of the last TRIGGER_RULES.usageWindowDays days. */
  usageDays: readonly UsageDay[];
  npsResponses: readonly NpsResponse[];
  milestones: readonly Milestone[];
}

export function buildTriggerInput(facts: AccountFacts, settings: Settings): TriggerInput {
  const { account, today, health } = facts;
  // A response dated after today (a typo in an import, another time zone) does not count yet.
  const latest = latestResponse(facts.npsResponses.filter((response) => response.date <= today));
  return {
    today,
    score: health.score,
    band: health.band,
    previousBand: bandFor(facts.previousScore, settings.bands),
    score30DaysAgo: facts.score30DaysAgo,
    usage: usageClosestToLimit(account, facts.usageDays, settings),
    renewalDate: account.renewalDate,
    latestNps: latest && { id: latest.id, score: latest.score, date: latest.date },
    stalledStage: latestStalledStage(account, facts.milestones, today, settings),
  };
}

/**
 * The most recent journey stage that ran out of days without its success milestone: the one the account is stuck
 * behind now. Earlier stalls are not repeated: the onboarding run for the latest covers the ground before it, and
 * each stall still opens its own run when it happens (runs are keyed by stage).
 *
 * An account past the Engage stage with no milestone recorded at all counts as "milestones not tracked", not as
 * stalled everywhere: importing an old portfolio without milestone data must not open onboarding runs for it.
 */
export function latestStalledStage(account: Account, milestones: readonly Milestone[], today: IsoDate, settings: Settings): StalledStage | undefined {
  const journey = assessJourney(account.startDate, milestones, today, settings.targets.timeToValueDays);
  if (journey.status !== 'active') return undefined;
  const expandStart = STAGES[STAGES.length - 1]!.firstDay;
  if (milestones.length === 0 && journey.daysSinceStart >= expandStart) return undefined;
  const stalled = journey.stages.filter((stage) => stage.state === 'stalled').at(-1);
  const definition = stalled && STAGES.find((stage) => stage.key === stalled.key);
  if (!definition || definition.lastDay === null) return undefined;
  return { stage: definition.key, milestone: definition.success, lastDay: definition.lastDay, daysSinceStart: journey.daysSinceStart };
}

/**
 * Of seats (users invited on the latest day vs the account's seats, else the plan's), assessments (summed over the
 * window vs the plan's limit) and features (most used on a day vs the plan's), the one nearest its limit.
 */
export function usageClosestToLimit(account: Account, usageDays: readonly UsageDay[], settings: Settings): UsageVsLimit | undefined {
  if (usageDays.length === 0) return undefined;
  const limits = account.plan ? settings.planLimits[account.plan] : undefined;
  const latestDay = usageDays.reduce((latest, day) => (day.date > latest.date ? day : latest));
  const candidates: UsageVsLimit[] = [];
  const seatLimit = account.seats || limits?.seats;
  if (seatLimit) candidates.push({ measure: 'seats', used: latestDay.usersInvited, limit: seatLimit });
  if (limits) {
    candidates.push({ measure: 'assessments', used: usageDays.reduce((sum, day) => sum + day.assessments, 0), limit: limits.assessments });
    candidates.push({ measure: 'features', used: Math.max(...usageDays.map((day) => day.featuresUsed)), limit: limits.featuresAvailable });
  }
  return candidates.reduce<UsageVsLimit | undefined>(
    (best, candidate) => (!best || candidate.used / candidate.limit > best.used / best.limit ? candidate : best),
    undefined,
  );
}

function latestResponse(responses: readonly NpsResponse[]): NpsResponse | undefined {
  return responses.reduce<NpsResponse | undefined>((latest, response) => (!latest || response.date > latest.date ? response : latest), undefined);
}
