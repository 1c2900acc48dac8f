/**
 * Engagement factor: support tickets and NPS.
 *
 * Normalisation:
 * - ticket volume: tickets created in the window; 0 → 100, falling linearly to 0 at
 *   settings.indicators.ticketsForZero per 30 days (scaled by windowDays / 30). N/A when the account has no ticket
 *   on record at all (it may not be on Zendesk); 0 tickets in the window with older ones on record is 100.
 * - satisfaction: share of the window's rated tickets rated good, 100 × good / (good + bad). N/A with no ratings.
 * - NPS: the newest response's score × 10 (9 → 90). N/A when the account never answered the survey; an old
 *   answer still counts but is flagged stale.
 * Ticket days are UTC days of createdAt.
 */
import { factorOf, fmt, indicator, meanScore, notAvailable, type FactorResult } from './factor';
import type { ScoringContext } from './inputs';

/** The three indicator scores (null: N/A) and the ticket count that scores 0. */
function engagementScores(ctx: ScoringContext) {
  const { tickets } = ctx;
  const zeroAt = ctx.settings.indicators.ticketsForZero * ctx.windowScale;
  const rated = tickets.good + tickets.bad;
  return {
    zeroAt,
    rated,
    volume: tickets.total === 0 ? null : Math.max(0, 100 * (1 - tickets.inWindow / zeroAt)),
    satisfaction: rated === 0 ? null : (100 * tickets.good) / rated,
    nps: ctx.newestNps === null ? null : ctx.newestNps.score * 10,
  };
}

/** engagementFactor's score without its explanation (rescoring). */
export function engagementScore(ctx: ScoringContext): number | null {
  const scores = engagementScores(ctx);
  return meanScore([scores.volume, scores.satisfaction, scores.nps]);
}

export function engagementFactor(ctx: ScoringContext): FactorResult {
  const days = ctx.settings.windowDays;
  const { tickets } = ctx;
  const volumeLabel = `Support tickets in the last ${days} days`;
  const ratingLabel = `Tickets rated good in the last ${days} days (%)`;
  const scores = engagementScores(ctx);
  const { zeroAt, rated } = scores;

  const volume =
    scores.volume === null
      ? notAvailable(ctx, 'tickets', volumeLabel, 'no support tickets on record')
      : indicator(ctx, {
          key: 'tickets',
          label: volumeLabel,
          value: tickets.inWindow,
          expected: zeroAt,
          score: scores.volume,
          newestDate: tickets.newestDay,
          note: `none scores 100, ${fmt(zeroAt)} or more score 0`,
        });

  const satisfaction =
    scores.satisfaction === null
      ? notAvailable(ctx, 'satisfaction', ratingLabel, 'no rated tickets in the window', tickets.newestDay)
      : indicator(ctx, {
          key: 'satisfaction',
          label: ratingLabel,
          value: (100 * tickets.good) / rated,
          expected: 100,
          score: scores.satisfaction,
          newestDate: tickets.newestDay,
          note: `${tickets.good} good, ${tickets.bad} bad`,
        });

  const response = ctx.newestNps;
  const nps =
    response === null || scores.nps === null
      ? notAvailable(ctx, 'nps', 'Newest NPS answer (0–10)', 'no NPS response')
      : indicator(ctx, {
          key: 'nps',
          label: 'Newest NPS answer (0–10)',
          value: response.score,
          expected: 10,
          score: scores.nps,
          newestDate: response.date,
          note: `answered on ${response.date}`,
        });

  return factorOf([volume, satisfaction, nps]);
}
