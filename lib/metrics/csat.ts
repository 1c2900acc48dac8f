/**
 * Customer satisfaction.
 * - csatMean: mean of 1–5 ratings, Σ rating / n. Ratings that are not whole numbers 1–5 are left out (`ignored`).
 * - csatPercentGood: Zendesk's good/bad ratings as 100 × good / (good + bad) over tickets created in the range;
 *   tickets offered a rating but not answering do not count.
 * No rating → cannot compute.
 */
import type { Ticket } from '../schemas/records';
import { cannot, type InstantRange, type MetricResult } from './result';

export function csatMean(ratings: readonly number[]): MetricResult<{ mean: number; count: number; ignored: number }> {
  let sum = 0;
  let count = 0;
  for (const r of ratings) {
    if (Number.isInteger(r) && r >= 1 && r <= 5) {
      sum += r;
      count++;
    }
  }
  if (count === 0) return cannot('no ratings from 1 to 5');
  return { ok: true, value: { mean: sum / count, count, ignored: ratings.length - count } };
}

export function csatPercentGood(
  tickets: readonly Pick<Ticket, 'createdAt' | 'satisfaction'>[],
  range: InstantRange,
): MetricResult<{ percentGood: number; good: number; bad: number }> {
  let good = 0;
  let bad = 0;
  for (const t of tickets) {
    if (!(t.createdAt >= range.fromMs && t.createdAt < range.toMs)) continue;
    if (t.satisfaction === 'good') good++;
    else if (t.satisfaction === 'bad') bad++;
  }
  if (good + bad === 0) return cannot('no rated tickets in the period');
  return { ok: true, value: { percentGood: (100 * good) / (good + bad), good, bad } };
}
