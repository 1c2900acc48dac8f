/**
 * What every portfolio metric returns: a value, or why there is none ("cannot compute: no responses in the
 * period"). A division by zero never reaches the screen as NaN or Infinity.
 */
import type { IsoDate } from '../schemas/common';
import { isIsoDate } from '../scoring/dates';

export type MetricResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function cannot(reason: string): { ok: false; reason: string } {
  return { ok: false, reason: `cannot compute: ${reason}` };
}

/** A span of whole days, both ends included. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** The reason a period is unusable, or null when it is fine. */
export function periodProblem(period: Period): string | null {
  if (!isIsoDate(period.start)) return `period start "${String(period.start)}" is not a valid date`;
  if (!isIsoDate(period.end)) return `period end "${String(period.end)}" is not a valid date`;
  if (period.end < period.start) return `the period ends (${period.end}) before it starts (${period.start})`;
  return null;
}

/** An instant range, start included, end excluded: for ticket metrics, whose events are instants. */
export interface InstantRange {
  fromMs: number;
  toMs: number;
}

/** The middle value, or the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A money amount or count that may be used: finite and not negative. */
export function isAmount(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}
