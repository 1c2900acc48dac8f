/**
 * NPS survey answers of the last year: the score follows the latent health (≈ 1 + 9 × health).
 *
 * The survey runs in the product: each account is asked once a month (its people in turn); before the last two
 * months the program ran twice a year. An account answers a month's survey with a chance that falls with its health;
 * one that went quiet has answered nothing for two months.
 */
import type { Contact, NpsResponse } from '../schemas/records';
import type { DemoCalendar } from './calendar';
import { NPS_COMMENTS } from './catalog';
import { demoNpsId } from './ids';
import type { AccountProfile, LatentBand } from './profile';
import type { Random } from './random';

const SURVEY_WINDOW_DAYS = 365;
/** Customers are first surveyed after their second month. */
const FIRST_SURVEY_AFTER_DAYS = 60;
/** Monthly surveys for this many days back, half-yearly before. */
const MONTHLY_SPAN_DAYS = 60;
const MONTH_DAYS = 30;
const HALF_YEAR_DAYS = 182;
const ANSWER_CHANCE: Record<LatentBand, { monthly: number; halfYearly: number }> = {
  healthy: { monthly: 0.9, halfYearly: 0.8 },
  'at-risk': { monthly: 0.85, halfYearly: 0.7 },
  critical: { monthly: 0.7, halfYearly: 0.6 },
};
/** A quiet account answered nothing in this many days. */
const QUIET_DAYS = 60;
const COMMENT_SHARE = 0.45;

export function makeNps(
  profile: AccountProfile,
  contacts: readonly Contact[],
  random: Random,
  calendar: DemoCalendar,
): NpsResponse[] {
  const first = Math.max(-SURVEY_WINDOW_DAYS, profile.startOffset + FIRST_SURVEY_AFTER_DAYS);
  const last = Math.min(profile.churnOffset ?? -1, profile.quiet ? -QUIET_DAYS - 1 : -1);
  if (last < first || contacts.length === 0) return [];
  const chance = ANSWER_CHANCE[profile.band];

  // Survey periods counted back from yesterday, clipped to the days the account could answer.
  const days: number[] = [];
  for (let end = -1; end >= first; ) {
    const monthly = end > -MONTHLY_SPAN_DAYS;
    const start = end - (monthly ? MONTH_DAYS : HALF_YEAR_DAYS) + 1;
    const [low, high] = [Math.max(start, first), Math.min(end, last)];
    if (low <= high && random.chance(monthly ? chance.monthly : chance.halfYearly)) days.push(random.int(low, high));
    end = start - 1;
  }
  days.reverse();

  return days.map((day, n) => {
    const score = Math.round(Math.min(10, Math.max(0, 1 + 9.2 * profile.health + 1.1 * random.normal())));
    const comments = score >= 9 ? NPS_COMMENTS.promoter : score >= 7 ? NPS_COMMENTS.passive : NPS_COMMENTS.detractor;
    return {
      id: demoNpsId(profile.index, n + 1),
      accountId: profile.accountId,
      contactEmail: random.pick(contacts).email,
      score,
      date: calendar.iso(day),
      ...(random.chance(COMMENT_SHARE) ? { comment: random.pick(comments) } : {}),
      demo: true,
    };
  });
}
