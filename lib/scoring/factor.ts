/**
 * The shape every factor returns: its indicators, each with the value used, what it was measured against and how
 * old its newest record is. A factor's score is the plain mean of its indicators that have data; with none, N/A.
 */
import type { IsoDate } from '../schemas/common';
import { ageOf, type ScoringContext } from './inputs';

export interface IndicatorResult {
  key: string;
  label: string;
  /** The measured value (a count, a share in %, a 0–10 score…), or null when there is no data. */
  value: number | null;
  /** What the value is measured against (the plan's expected level, the seat count, …), or null when not applicable. */
  expected: number | null;
  /** 0–100, or null (N/A: not counted in the factor). */
  score: number | null;
  newestDate: IsoDate | null;
  ageDays: number | null;
  /** The newest record behind this indicator is older than settings.staleAfterDays. */
  stale: boolean;
  /** How the score was read or why there is none. */
  note: string;
}

export interface FactorResult {
  score: number | null;
  indicators: IndicatorResult[];
}

export function indicator(
  ctx: ScoringContext,
  fields: Omit<IndicatorResult, 'ageDays' | 'stale'>,
): IndicatorResult {
  // An N/A indicator is not behind the score, so it cannot make the score stale.
  const age = ageOf(fields.newestDate, ctx);
  return {
    key: fields.key,
    label: fields.label,
    value: fields.value,
    expected: fields.expected,
    score: fields.score,
    newestDate: fields.newestDate,
    ageDays: age.ageDays,
    stale: fields.score !== null && age.stale,
    note: fields.note,
  };
}

export function notAvailable(ctx: ScoringContext, key: string, label: string, note: string, newestDate: IsoDate | null = null): IndicatorResult {
  return indicator(ctx, { key, label, value: null, expected: null, score: null, newestDate, note });
}

/** 100 × actual / expected, capped at 100: meeting the expectation is full marks, beating it earns nothing more. */
export function ratioScore(actual: number, expected: number): number {
  return Math.min(100, (100 * actual) / expected);
}

/** The plain mean of the scores that are not null (N/A), in order; null when all are. The factors' score-only paths
 * (rescoring) and their explanations both go through it, so both give the very same number. */
export function meanScore(scores: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const score of scores) {
    if (score === null) continue;
    sum += score;
    count++;
  }
  return count ? sum / count : null;
}

export function factorOf(indicators: IndicatorResult[]): FactorResult {
  return { score: meanScore(indicators.map((i) => i.score)), indicators };
}

/** Trims a number for notes: 2 decimals at most, no trailing zeros. */
export function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
