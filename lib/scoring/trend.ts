/**
 * Score trend from daily snapshots: today's computed score minus the score 7 and 30 days ago. Snapshots are made
 * when the browser runs; a laptop closed over a weekend misses days, so the nearest snapshot up to
 * TREND_TOLERANCE_DAYS before the target day stands in for it. No snapshot in that span → no trend (null).
 */
import type { IsoDate } from '../schemas/common';
import { addDaysIso } from './dates';
import type { ScorePoint } from './inputs';

export const TREND_TOLERANCE_DAYS = 3;
export const TREND_OFFSETS = [7, 30] as const;

export interface Trend {
  delta7: number | null;
  delta30: number | null;
}

/** The days whose snapshots the trend may read for `daysAgo`: [target − tolerance, target]. */
export function trendWindow(today: IsoDate, daysAgo: number): { from: IsoDate; to: IsoDate } {
  const to = addDaysIso(today, -daysAgo);
  return { from: addDaysIso(to, -TREND_TOLERANCE_DAYS), to };
}

function scoreAround(points: readonly ScorePoint[], today: IsoDate, daysAgo: number): number | null {
  const { from, to } = trendWindow(today, daysAgo);
  let best: ScorePoint | null = null;
  for (const p of points) {
    if (p.date >= from && p.date <= to && (best === null || p.date > best.date)) best = p;
  }
  return best?.score ?? null;
}

export function computeTrend(current: number | null, points: readonly ScorePoint[], today: IsoDate): Trend {
  const delta = (daysAgo: number) => {
    const past = scoreAround(points, today, daysAgo);
    return current === null || past === null ? null : current - past;
  };
  return { delta7: delta(7), delta30: delta(30) };
}
