/**
 * Adoption factor: how much of what was bought is in use.
 *
 * Normalisation:
 * - users invited vs seats: min(100, 100 × usersInvited on the newest usage row / seats). N/A when seats are unknown
 *   (or 0) or there is no usage data.
 * - features used: min(100, 100 × most features used on one day of the window / planLimits[plan].featuresAvailable).
 *   An account with usage rows but none in the window scores 0. N/A without a plan or without usage data.
 */
import { factorOf, fmt, indicator, meanScore, notAvailable, ratioScore, type FactorResult, type IndicatorResult } from './factor';
import type { ScoringContext } from './inputs';

/** Users invited (counted as 0 when not a number) and features available; null where the indicator is N/A. */
function adoptionBasis(ctx: ScoringContext) {
  const { usage } = ctx;
  return {
    invited: usage.newest === null || ctx.seats === null ? null : Number.isFinite(usage.newest.usersInvited) ? Math.max(0, usage.newest.usersInvited) : 0,
    available: usage.newest === null || ctx.plan === null ? null : ctx.settings.planLimits[ctx.plan].featuresAvailable,
  };
}

/** adoptionFactor's score without its explanation (rescoring). */
export function adoptionScore(ctx: ScoringContext): number | null {
  const { invited, available } = adoptionBasis(ctx);
  return meanScore([
    invited === null || ctx.seats === null ? null : ratioScore(invited, ctx.seats),
    available === null ? null : ratioScore(ctx.usage.maxFeaturesUsed, available),
  ]);
}

export function adoptionFactor(ctx: ScoringContext): FactorResult {
  const { usage } = ctx;
  const newestDate = usage.newest?.date ?? null;
  const invitedLabel = 'Users invited vs seats';
  const featuresLabel = `Features used (most on one day, last ${ctx.settings.windowDays} days)`;
  const { invited: count, available } = adoptionBasis(ctx);

  let invited: IndicatorResult;
  if (usage.newest === null) invited = notAvailable(ctx, 'usersInvited', invitedLabel, 'no usage data');
  else if (ctx.seats === null || count === null) invited = notAvailable(ctx, 'usersInvited', invitedLabel, 'seats unknown', newestDate);
  else {
    invited = indicator(ctx, {
      key: 'usersInvited',
      label: invitedLabel,
      value: count,
      expected: ctx.seats,
      score: ratioScore(count, ctx.seats),
      newestDate,
      note: `${fmt(count)} of ${fmt(ctx.seats)} seats`,
    });
  }

  let features: IndicatorResult;
  if (usage.newest === null) features = notAvailable(ctx, 'featuresUsed', featuresLabel, 'no usage data');
  else if (ctx.plan === null || available === null) features = notAvailable(ctx, 'featuresUsed', featuresLabel, 'no plan: features available unknown', newestDate);
  else {
    features = indicator(ctx, {
      key: 'featuresUsed',
      label: featuresLabel,
      value: usage.maxFeaturesUsed,
      expected: available,
      score: ratioScore(usage.maxFeaturesUsed, available),
      newestDate,
      note: `${fmt(usage.maxFeaturesUsed)} of ${available} features on the ${ctx.plan} plan`,
    });
  }
  return factorOf([invited, features]);
}
