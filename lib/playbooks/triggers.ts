/**
 * When a playbook should start for an account (DESIGN.md §3, "Playbooks"). Pure: the caller supplies the account's
 * numbers as plain inputs (lib/playbooks/trigger-inputs.ts builds them from the database).
 *
 * Decisions worth knowing:
 * - An NPS detractor (0–6) opens **Escalation**, not At-risk: it is the customer telling us directly, and it is the
 *   signal the executive-sponsor playbook exists for. At-risk answers the health numbers (band and score drops).
 *   Only a response from the last 90 days counts, so importing years of survey history does not escalate
 *   accounts for complaints long since dealt with.
 * - Any drop to a worse band fires At-risk (Healthy → At Risk, Healthy → Critical, At Risk → Critical). A first
 *   score (unknown → anything) is not a drop.
 * - The edges are inclusive: exactly 10 points down, exactly 80 % of a limit, a renewal exactly 90 days away fire.
 */
import { MILESTONE_LABELS, STAGES, type JourneyStageKey } from '../lifecycle/stages';
import type { Band, IsoDate } from '../schemas/common';
import type { MilestoneKey } from '../schemas/records';
import { daysBetween } from '../scoring/dates';
import { onboardingTemplateId, PLAYBOOK_TEMPLATE_IDS } from './templates';

export const TRIGGER_RULES = {
  scoreDropPoints: 10,
  scoreDropWindowDays: 30,
  usageShareOfLimit: 0.8,
  /** Plan limits on assessments count per 30 days (like the plan's usage expectations). */
  usageWindowDays: 30,
  renewalWithinDays: 90,
  npsDetractorMax: 6,
  npsRecentDays: 90,
  /**
   * Score drops and usage near a limit are conditions that hold for weeks: after a run they opened is closed, the
   * same condition may open a new one only after this many days, or closing a run would be undone next morning.
   */
  conditionReopenDays: 30,
} as const;

export type TriggerKind =
  | 'band-drop'
  | 'score-drop'
  | 'usage-near-limit'
  | 'renewal-due'
  | 'nps-detractor'
  | 'journey-stalled'
  | 'manual';

export type TriggerData = Record<string, string | number | boolean | null>;

export interface FiredTrigger {
  kind: TriggerKind;
  templateId: string;
  /** One line a CSM understands: what happened, with the numbers. */
  reason: string;
  /** The numbers behind the reason, e.g. `{ from: 84, to: 71 }`. */
  data: TriggerData;
  /** Identifies the situation (this renewal date, this NPS response…): a closed run is not reopened for it. */
  key: string;
  /** For conditions (not events): days after a run closes before the same key may open a new run. */
  reopenAfterDays?: number;
}

export type UsageMeasure = 'seats' | 'assessments' | 'features';

export interface UsageVsLimit {
  measure: UsageMeasure;
  used: number;
  limit: number;
}

/** A journey stage whose last day has passed without its success milestone (lib/lifecycle). */
export interface StalledStage {
  stage: JourneyStageKey;
  milestone: MilestoneKey;
  lastDay: number;
  daysSinceStart: number;
}

export interface TriggerInput {
  today: IsoDate;
  /** Health now; null/'unknown' when the account has no score. */
  score: number | null;
  band: Band;
  /** The band at the previous evaluation ('unknown' when there was none). */
  previousBand: Band;
  score30DaysAgo: number | null;
  /** The usage measure closest to its plan limit, when any is known. */
  usage?: UsageVsLimit;
  renewalDate?: IsoDate;
  latestNps?: { id: string; score: number; date: IsoDate };
  stalledStage?: StalledStage;
}

const BAND_RANK: Record<Exclude<Band, 'unknown'>, number> = { healthy: 0, 'at-risk': 1, critical: 2 };
const BAND_LABEL: Record<Band, string> = { healthy: 'Healthy', 'at-risk': 'At Risk', critical: 'Critical', unknown: 'Unknown' };
const MEASURE_LABEL: Record<UsageMeasure, string> = { seats: 'seats', assessments: 'assessments in 30 days', features: 'features' };

/** Every trigger that fires for the input, At-risk reasons first (they are the most urgent). */
export function evaluateTriggers(input: TriggerInput): FiredTrigger[] {
  return [bandDrop, scoreDrop, npsDetractor, renewalDue, usageNearLimit, journeyStalled]
    .map((rule) => rule(input))
    .filter((trigger): trigger is FiredTrigger => trigger !== undefined);
}

function bandDrop({ band, previousBand, score, today }: TriggerInput): FiredTrigger | undefined {
  if (band === 'unknown' || previousBand === 'unknown' || BAND_RANK[band] <= BAND_RANK[previousBand]) return undefined;
  return {
    kind: 'band-drop',
    templateId: PLAYBOOK_TEMPLATE_IDS.atRisk,
    reason: `Health band dropped from ${BAND_LABEL[previousBand]} to ${BAND_LABEL[band]}${score === null ? '' : ` (score ${score})`}`,
    data: { from: previousBand, to: band, score },
    // A band drop is an event: each one is its own situation.
    key: `band-drop:${previousBand}>${band}:${today}`,
  };
}

function scoreDrop({ score, score30DaysAgo }: TriggerInput): FiredTrigger | undefined {
  if (score === null || score30DaysAgo === null) return undefined;
  const fall = score30DaysAgo - score;
  if (fall < TRIGGER_RULES.scoreDropPoints) return undefined;
  return {
    kind: 'score-drop',
    templateId: PLAYBOOK_TEMPLATE_IDS.atRisk,
    reason: `Health score fell ${fall} points in ${TRIGGER_RULES.scoreDropWindowDays} days (${score30DaysAgo} → ${score})`,
    data: { from: score30DaysAgo, to: score, points: fall, days: TRIGGER_RULES.scoreDropWindowDays },
    key: 'score-drop',
    reopenAfterDays: TRIGGER_RULES.conditionReopenDays,
  };
}

function npsDetractor({ latestNps, today }: TriggerInput): FiredTrigger | undefined {
  if (!latestNps || latestNps.score > TRIGGER_RULES.npsDetractorMax) return undefined;
  const age = daysBetween(latestNps.date, today);
  if (age < 0 || age > TRIGGER_RULES.npsRecentDays) return undefined;
  return {
    kind: 'nps-detractor',
    templateId: PLAYBOOK_TEMPLATE_IDS.escalation,
    reason: `NPS detractor: scored ${latestNps.score} on ${latestNps.date}`,
    data: { score: latestNps.score, date: latestNps.date, responseId: latestNps.id },
    key: `nps:${latestNps.id}`,
  };
}

function renewalDue({ renewalDate, today }: TriggerInput): FiredTrigger | undefined {
  if (!renewalDate) return undefined;
  const daysLeft = daysBetween(today, renewalDate);
  if (daysLeft < 0 || daysLeft > TRIGGER_RULES.renewalWithinDays) return undefined;
  return {
    kind: 'renewal-due',
    templateId: PLAYBOOK_TEMPLATE_IDS.renewal,
    reason: daysLeft === 0 ? `Renewal is today (${renewalDate})` : `Renewal on ${renewalDate}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
    data: { renewalDate, daysLeft },
    key: `renewal:${renewalDate}`,
  };
}

function usageNearLimit({ usage }: TriggerInput): FiredTrigger | undefined {
  if (!usage || usage.limit <= 0) return undefined;
  // Division of the exact counts is correctly rounded, so exactly 80 % compares equal to 0.8.
  const share = usage.used / usage.limit;
  if (share < TRIGGER_RULES.usageShareOfLimit) return undefined;
  const percent = Math.round(share * 100);
  return {
    kind: 'usage-near-limit',
    templateId: PLAYBOOK_TEMPLATE_IDS.expansion,
    reason: `Using ${usage.used} of ${usage.limit} ${MEASURE_LABEL[usage.measure]} (${percent} % of the plan limit)`,
    data: { measure: usage.measure, used: usage.used, limit: usage.limit, percent },
    key: 'usage-near-limit',
    reopenAfterDays: TRIGGER_RULES.conditionReopenDays,
  };
}

function journeyStalled({ stalledStage }: TriggerInput): FiredTrigger | undefined {
  if (!stalledStage) return undefined;
  const { stage, milestone, lastDay, daysSinceStart } = stalledStage;
  return {
    kind: 'journey-stalled',
    templateId: onboardingTemplateId(stage),
    reason: `Journey stalled in ${STAGES.find((s) => s.key === stage)!.label}: "${MILESTONE_LABELS[milestone]}" not reached by day ${lastDay} (now day ${daysSinceStart})`,
    data: { stage, milestone, lastDay, daysSinceStart },
    // An account stalls in a given stage once: stages only move forward.
    key: `journey-stalled:${stage}`,
  };
}

/** A person starting a playbook by hand. */
export function manualTrigger(templateId: string, by: string, at: number): FiredTrigger {
  return {
    kind: 'manual',
    templateId,
    reason: by ? `Started by ${by}` : 'Started by hand',
    data: { by },
    key: `manual:${at}`,
  };
}
