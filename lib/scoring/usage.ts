/**
 * Product usage factor: logins, assessments and reports over the window against the plan's expected level.
 *
 * Normalisation (settings.usageExpectations[plan], per 30 days, scaled by windowDays / 30):
 * - logins: expected = loginsPerSeat × seats. Seats are the account's seats when known; otherwise the users
 *   invited on the newest usage row stand in for them; with neither, logins are N/A.
 * - assessments, reports: expected = the plan's figure per account.
 * - each indicator = min(100, 100 × actual / expected).
 * Pro-rating: an account younger than the window is measured over the days it has had, so the expected level is
 * per 30 days × daysInWindow / 30 (a 10-day-old account is expected to do a third of a month's usage). On its first
 * day no complete day has passed: usage is N/A.
 * An account with usage rows, but none in the window, scores 0 (it stopped using the product). An account with no
 * usage rows at all, or with no plan, has no usage factor (N/A).
 */
import { factorOf, fmt, indicator, notAvailable, ratioScore, type FactorResult } from './factor';
import type { ScoringContext } from './inputs';

export function usageFactor(ctx: ScoringContext): FactorResult {
  const days = ctx.settings.windowDays;
  const labels = {
    logins: `Logins in the last ${days} days`,
    assessments: `Assessments in the last ${days} days`,
    reports: `Reports in the last ${days} days`,
  };
  const { usage } = ctx;
  const newestDate = usage.newest?.date ?? null;
  if (usage.newest === null) {
    return factorOf([
      notAvailable(ctx, 'logins', labels.logins, 'no usage data'),
      notAvailable(ctx, 'assessments', labels.assessments, 'no usage data'),
      notAvailable(ctx, 'reports', labels.reports, 'no usage data'),
    ]);
  }
  if (ctx.plan === null) {
    const note = 'no plan: the expected level is unknown';
    return factorOf([
      notAvailable(ctx, 'logins', labels.logins, note, newestDate),
      notAvailable(ctx, 'assessments', labels.assessments, note, newestDate),
      notAvailable(ctx, 'reports', labels.reports, note, newestDate),
    ]);
  }
  const measuredDays = Math.min(days, ctx.daysInWindow);
  if (measuredDays === 0) {
    const note = "the account's first day: no complete day to measure yet";
    return factorOf([
      notAvailable(ctx, 'logins', labels.logins, note, newestDate),
      notAvailable(ctx, 'assessments', labels.assessments, note, newestDate),
      notAvailable(ctx, 'reports', labels.reports, note, newestDate),
    ]);
  }
  const proRated = measuredDays < days ? `; pro-rated: the account has had ${measuredDays} of ${days} days` : '';
  const measured = (key: string, label: string, actual: number, expected: number, note: string) =>
    indicator(ctx, { key, label, value: actual, expected, score: ratioScore(actual, expected), newestDate, note: note + proRated });
  const expectation = ctx.settings.usageExpectations[ctx.plan];
  // Multiply before dividing: 120 × 10 / 30 is exactly 40.
  const expectedOver = (per30: number) => (per30 * measuredDays) / 30;
  const invited = Number.isFinite(usage.newest.usersInvited) && usage.newest.usersInvited > 0 ? usage.newest.usersInvited : null;
  const seatBasis = ctx.seats ?? invited;
  const seatNote = ctx.seats !== null ? `${fmt(ctx.seats)} seats` : `${fmt(invited ?? 0)} invited users (seats unknown)`;

  const logins =
    seatBasis === null
      ? notAvailable(ctx, 'logins', labels.logins, 'seats unknown and no invited users: no expected level', newestDate)
      : measured('logins', labels.logins, usage.logins, expectedOver(expectation.loginsPerSeat * seatBasis),
          `${fmt(expectation.loginsPerSeat)} per seat per 30 days × ${seatNote}`);
  return factorOf([
    logins,
    measured('assessments', labels.assessments, usage.assessments, expectedOver(expectation.assessments),
      `${ctx.plan} plan expects ${fmt(expectation.assessments)} per 30 days`),
    measured('reports', labels.reports, usage.reports, expectedOver(expectation.reports),
      `${ctx.plan} plan expects ${fmt(expectation.reports)} per 30 days`),
  ]);
}
