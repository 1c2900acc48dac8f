/**
 * Daily product usage. Each indicator's 30-day total is set from the latent health against the plan's expected
 * level (DEFAULT_SETTINGS), then spread over the days — so a health of 0.9 reads as ~90 % of expectations.
 */
import type { UsageDay } from '../schemas/records';
import { DEFAULT_SETTINGS } from '../schemas/settings';
import type { DemoCalendar } from './calendar';
import type { AccountProfile } from './profile';
import type { Random } from './random';

const WEEKDAY_WEIGHT = 1.25;
const WEEKEND_WEIGHT = 0.4;
/** New customers ramp up over their first two weeks. */
const RAMP_DAYS = 14;
/** The scoring window the generator aims its usage levels at (the default Settings.windowDays). */
const WINDOW_DAYS = DEFAULT_SETTINGS.windowDays;
/** How far before the window a sliding account's usage keeps rising (in windows): 1.5 windows before it, no further. */
const OLDEST_POSITION = -1.5;
/** Totals up to this are placed unit by unit (exact sum); larger ones proportionally with jitter. */
const EXACT_SPREAD_LIMIT = 300;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Rows for the `usageDays` days before today (today is not over yet), from the start to the churn date, or to the
 * last day of use of an account that stopped using the product.
 */
export function makeUsage(
  profile: AccountProfile,
  random: Random,
  calendar: DemoCalendar,
  usageDays: number,
): UsageDay[] {
  const first = Math.max(-usageDays, profile.startOffset);
  const last = Math.min(-1, profile.churnOffset === null ? Infinity : profile.churnOffset - 1, profile.lastUsageOffset ?? Infinity);
  if (last < first) return [];

  const { health } = profile;
  const expected = DEFAULT_SETTINGS.usageExpectations[profile.plan];
  const limits = DEFAULT_SETTINGS.planLimits[profile.plan];
  const usageRatio = clamp(health * (1.03 + 0.06 * random.normal()), 0.02, 1.25);
  // Unhealthy accounts are sliding: more activity early in the window than lately.
  const slope = profile.band === 'healthy' ? 0.1 * random.normal() : -0.9 * (1 - health);

  const days = last - first + 1;
  const weights: number[] = [];
  for (let offset = first; offset <= last; offset++) {
    const weekday = calendar.weekday(offset);
    const weekly = weekday === 0 || weekday === 6 ? WEEKEND_WEIGHT : WEEKDAY_WEIGHT;
    // Position against the scoring window (−0.5 at its first day, +0.5 yesterday), not against the rows generated:
    // a longer history then adds earlier months with their own level instead of flattening the last month's slide.
    const position = Math.max(OLDEST_POSITION, (offset + WINDOW_DAYS) / (WINDOW_DAYS - 1) - 0.5);
    const ramp = Math.min(1, 0.4 + (0.6 * (offset - profile.startOffset)) / RAMP_DAYS);
    weights.push(Math.max(0.05, weekly * (1 + slope * position) * ramp));
  }
  // The window's totals are the intended level exactly; days before it get theirs by their weights. Spread apart,
  // so how many units land inside the window is not left to chance (it would drag scores capped at 100 down).
  const windowFirst = Math.max(0, weights.length - WINDOW_DAYS);
  const [earlier, inWindow] = [weights.slice(0, windowFirst), weights.slice(windowFirst)];
  const windowMean = inWindow.reduce((sum, weight) => sum + weight, 0) / inWindow.length;
  const earlierDays = earlier.reduce((sum, weight) => sum + weight, 0) / windowMean;
  const perDay = usageRatio / 30;
  const spreadLevel = (perMonth: number) => [
    ...spread(random, Math.round(perMonth * perDay * earlierDays), earlier),
    ...spread(random, Math.round(perMonth * perDay * inWindow.length), inWindow),
  ];
  const logins = spreadLevel(expected.loginsPerSeat * profile.seats);
  const assessments = spreadLevel(expected.assessments);
  const reports = spreadLevel(expected.reports * random.between(0.8, 1));

  const invitedShare = clamp(health * (1 + 0.07 * random.normal()), 0.05, 1);
  const fullyInvited = Math.max(1, Math.round(profile.seats * invitedShare));
  const featureShare = clamp(health * random.between(0.9, 1.05), 0.05, 1);

  const rows: UsageDay[] = [];
  for (let i = 0; i < days; i++) {
    const offset = first + i;
    const dayLogins = logins[i] ?? 0;
    const daysIn = offset - profile.startOffset;
    const usersInvited = Math.max(1, Math.round(fullyInvited * Math.min(1, 0.3 + daysIn / 30)));
    rows.push({
      accountId: profile.accountId,
      date: calendar.iso(offset),
      logins: dayLogins,
      assessments: assessments[i] ?? 0,
      reports: reports[i] ?? 0,
      activeUsers: dayLogins === 0 ? 0 : Math.min(usersInvited, Math.max(1, Math.round(dayLogins / random.between(1.1, 1.6)))),
      usersInvited,
      featuresUsed:
        dayLogins === 0 ? 0 : Math.max(1, Math.round(limits.featuresAvailable * featureShare * random.between(0.85, 1))),
      demo: true,
    });
  }
  return rows;
}

/** Splits `total` over days in proportion to `weights`. */
function spread(random: Random, total: number, weights: readonly number[]): number[] {
  const counts = new Array<number>(weights.length).fill(0);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (total <= EXACT_SPREAD_LIMIT) {
    for (let unit = 0; unit < total; unit++) {
      let roll = random.next() * weightSum;
      let day = 0;
      while (day < weights.length - 1 && roll >= (weights[day] ?? 0)) roll -= weights[day++] ?? 0;
      counts[day] = (counts[day] ?? 0) + 1;
    }
    return counts;
  }
  return weights.map((w) => Math.max(0, Math.round((total * w * random.between(0.9, 1.1)) / weightSum)));
}
