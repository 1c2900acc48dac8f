/**
 * Journey milestones (DESIGN.md §3). Healthy customers reach each one early; unhealthy ones late or never, so some
 * stages end up stalled (success milestone missed by the stage's last day).
 */
import type { Milestone, MilestoneKey } from '../schemas/records';
import type { DemoCalendar } from './calendar';
import type { AccountProfile } from './profile';
import type { Random } from './random';

interface MilestonePlan {
  key: MilestoneKey;
  /** Days after the start a perfectly healthy customer reaches it. */
  day: number;
  /** Chance of ever reaching it at health 1 and at health 0 (linear in between). */
  chanceHealthy: number;
  chanceUnhealthy: number;
  /** The stage's success milestone: missing it makes the following milestones unlikely. */
  success?: true;
}

const PLAN: readonly MilestonePlan[] = [
  { key: 'welcome-sent', day: 0, chanceHealthy: 1, chanceUnhealthy: 1 },
  { key: 'first-assessment', day: 1.5, chanceHealthy: 1, chanceUnhealthy: 0.8 },
  { key: 'first-gap-identified', day: 3, chanceHealthy: 1, chanceUnhealthy: 0.6, success: true },
  { key: 'first-full-assessment', day: 10, chanceHealthy: 1, chanceUnhealthy: 0.6 },
  { key: 'first-report', day: 14, chanceHealthy: 1, chanceUnhealthy: 0.55 },
  { key: 'shared-with-team', day: 18, chanceHealthy: 1, chanceUnhealthy: 0.45, success: true },
  { key: 'training-assigned', day: 35, chanceHealthy: 0.95, chanceUnhealthy: 0.5 },
  { key: 'regular-assessments', day: 45, chanceHealthy: 0.95, chanceUnhealthy: 0.3 },
  { key: 'multi-user-adoption', day: 55, chanceHealthy: 0.95, chanceUnhealthy: 0.25, success: true },
  { key: 'more-systems', day: 120, chanceHealthy: 0.7, chanceUnhealthy: 0.05 },
  { key: 'plan-upgraded', day: 200, chanceHealthy: 0.3, chanceUnhealthy: 0 },
  { key: 'referral-or-case-study', day: 240, chanceHealthy: 0.35, chanceUnhealthy: 0, success: true },
];
/** How much later than a healthy customer an unhealthy one gets there (×(1 + LATENESS × (1 − health))). */
const LATENESS = 2.5;
const AFTER_MISSED_SUCCESS = 0.3;

export function makeMilestones(profile: AccountProfile, random: Random, calendar: DemoCalendar): Milestone[] {
  const { health } = profile;
  const last = profile.churnOffset ?? 0;
  const milestones: Milestone[] = [];
  let missedSuccess = false;
  for (const plan of PLAN) {
    if (plan.key === 'plan-upgraded' && profile.plan === 'Free') continue; // still on the free plan
    const chance =
      (plan.chanceUnhealthy + (plan.chanceHealthy - plan.chanceUnhealthy) * health) *
      (missedSuccess ? AFTER_MISSED_SUCCESS : 1);
    const day = Math.round(plan.day * (1 + LATENESS * (1 - health)) * random.between(0.7, 1.3));
    const offset = profile.startOffset + day;
    const reached = random.chance(chance) && offset <= last;
    if (reached) {
      milestones.push({ accountId: profile.accountId, key: plan.key, date: calendar.iso(offset), demo: true });
    }
    if (plan.success && !reached) missedSuccess = true;
  }
  return milestones;
}
