/**
 * The customer journey's stages (DESIGN.md §3): each a span of days since the account's start, its milestones, and
 * the one success milestone that says the stage did its job.
 */
import type { MilestoneKey } from '../schemas/records';

export type JourneyStageKey = 'onboard' | 'activate' | 'engage' | 'expand';

export interface JourneyStage {
  key: JourneyStageKey;
  label: string;
  /** Days since start, inclusive. `lastDay` is null for the open-ended last stage. */
  firstDay: number;
  lastDay: number | null;
  milestones: readonly MilestoneKey[];
  success: MilestoneKey;
}

export const STAGES: readonly JourneyStage[] = [
  {
    key: 'onboard', label: 'Onboard', firstDay: 0, lastDay: 6,
    milestones: ['welcome-sent', 'first-assessment', 'first-gap-identified'], success: 'first-gap-identified',
  },
  {
    key: 'activate', label: 'Activate', firstDay: 7, lastDay: 29,
    milestones: ['first-full-assessment', 'first-report', 'shared-with-team'], success: 'shared-with-team',
  },
  {
    key: 'engage', label: 'Engage', firstDay: 30, lastDay: 89,
    milestones: ['regular-assessments', 'training-assigned', 'multi-user-adoption'], success: 'multi-user-adoption',
  },
  {
    key: 'expand', label: 'Expand', firstDay: 90, lastDay: null,
    milestones: ['more-systems', 'plan-upgraded', 'referral-or-case-study'], success: 'referral-or-case-study',
  },
];

export const SUCCESS_MILESTONES: readonly MilestoneKey[] = STAGES.map((s) => s.success);

export const MILESTONE_LABELS: Record<MilestoneKey, string> = {
  'welcome-sent': 'Welcome sequence sent',
  'first-assessment': 'First assessment completed',
  'first-gap-identified': 'First gap identified',
  'first-full-assessment': 'First full assessment',
  'first-report': 'First report generated',
  'shared-with-team': 'Shared with team',
  'regular-assessments': 'Regular assessment updates',
  'training-assigned': 'Training assigned',
  'multi-user-adoption': 'Multi-user adoption',
  'more-systems': 'More systems added',
  'plan-upgraded': 'Plan upgraded',
  'referral-or-case-study': 'Referral or case study',
};

/** The stage for a number of days since start; null before the start (negative days). */
export function stageForDay(daysSinceStart: number): JourneyStage | null {
  if (!Number.isFinite(daysSinceStart) || daysSinceStart < 0) return null;
  return STAGES.find((s) => s.lastDay === null || daysSinceStart <= s.lastDay) ?? null;
}
