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
import type { Plan } from '../schemas/common';
import type { Settings } from '../schemas/settings';
import { factorOf, fmt, indicator, meanScore, notAvailable, ratioScore, type FactorResult } from './factor';
import type { ScoringContext } from './inputs';

const KEYS = ['logins', 'assessments', 'reports'] as const;

/** What usage is measured against, or why it cannot be (the note of its N/A indicators). */
type UsageBasis =
  | { na: string }
  | {
      measuredDays: number;
      expectation: Settings['usageExpectations'][Plan];
      invited: number | null;
      expected: { logins: number | null; assessments: number; reports: number };
    };

function usageBasis(ctx: ScoringContext): UsageBasis {
  const { usage } = ctx;
  if (usage.newest === null) return { na: 'no usage data' };
  if (ctx.plan === null) return { na: 'no plan: the expected level is unknown' };
  const days = ctx.settings.windowDays;
  const measuredDays = Math.min(days, ctx.daysInWindow);
  if (measuredDays === 0) return { na: "the account's first day: no complete day to measure yet" };
  const expectation = ctx.settings.usageExpectations[ctx.plan];
  // Multiply before dividing: 120 × 10 / 30 is exactly 40.
  const expectedOver = (per30: number) => (per30 * measuredDays) / 30;
  const invited = Number.isFinite(usage.newest.usersInvited) && usage.newest.usersInvited > 0 ? usage.newest.usersInvited : null;
  const seatBasis = ctx.seats ?? invited;
  return {
    measuredDays,
    expectation,
    invited,
    expected: {
      logins: seatBasis === null ? null : expectedOver(expectation.loginsPerSeat * seatBasis),
      assessments: expectedOver(expectation.assessments),
      reports: expectedOver(expectation.reports),
    },
  };
}

/** usageFactor's score without its explanation (rescoring). */
export function usageScore(ctx: ScoringContext): number | null {
  const basis = usageBasis(ctx);
  if ('na' in basis) return null;
  const { usage } = ctx;
  const { logins, assessments, reports } = basis.expected;
  return meanScore([
    logins === null ? null : ratioScore(usage.logins, logins),
    ratioScore(usage.assessments, assessments),
    ratioScore(usage.reports, reports),
  ]);
}

export function usageFactor(ctx: ScoringContext): FactorResult {
  const days = ctx.settings.windowDays;
  const labels = {
    logins: `Logins in the last ${days} days`,
    assessments: `Assessments in the last ${days} days`,
    reports: `Reports in the last ${days} days`,
  };
  const { usage } = ctx;
  const newestDate = usage.newest?.date ?? null;
  const basis = usageBasis(ctx);
  if ('na' in basis) return factorOf(KEYS.map((key) => notAvailable(ctx, key, labels[key], basis.na, newestDate)));
  const { measuredDays, expectation, invited, expected } = basis;
  const proRated = measuredDays < days ? `; pro-rated: the account has had ${measuredDays} of ${days} days` : '';
  const measured = (key: string, label: string, actual: number, expected: number, note: string) =>
    indicator(ctx, { key, label, value: actual, expected, score: ratioScore(actual, expected), newestDate, note: note + proRated });
  const seatNote = ctx.seats !== null ? `${fmt(ctx.seats)} seats` : `${fmt(invited ?? 0)} invited users (seats unknown)`;

  const logins =
    expected.logins === null
      ? notAvailable(ctx, 'logins', labels.logins, 'seats unknown and no invited users: no expected level', newestDate)
      : measured('logins', labels.logins, usage.logins, expected.logins, `${fmt(expectation.loginsPerSeat)} per seat per 30 days × ${seatNote}`);
  return factorOf([
    logins,
    measured('assessments', labels.assessments, usage.assessments, expected.assessments,
      `${ctx.plan} plan expects ${fmt(expectation.assessments)} per 30 days`),
    measured('reports', labels.reports, usage.reports, expected.reports,
      `${ctx.plan} plan expects ${fmt(expectation.reports)} per 30 days`),
  ]);
}
