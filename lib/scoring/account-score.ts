/**
 * One account's computed score and band without the explanation: what rescoring needs for 100k accounts at a time.
 * The same cleaning (buildContext) and the same per-factor arithmetic as assessAccount (each factor file computes its
 * indicator scores once for both paths), so the numbers are the very ones the panel explains; only the labels, notes
 * and per-indicator records are not built. tests/unit/scoring/account-score.test.ts holds the two paths together.
 */
import type { Band, IsoDate } from '../schemas/common';
import type { FactorKey, Settings } from '../schemas/settings';
import { adoptionScore } from './adoption';
import { isIsoDate } from './dates';
import { engagementScore } from './engagement';
import { combineFactors, FACTOR_KEYS, weightsFor, type FactorScores } from './health';
import { buildContext, rowSummarizer, type HealthInputs, type ScoringContext } from './inputs';
import { resolveOverride, type OverrideState } from './override';
import { relationshipScore } from './relationship';
import { rollupSummarizer, type RollupInputs } from './rollup';
import { usageScore } from './usage';

export interface AccountScore {
  computedScore: number | null;
  computedBand: Band;
  /** The composite before rounding. */
  computedExact: number | null;
  /** Each factor's score (null: N/A). */
  factors: FactorScores;
  override: OverrideState;
}

const FACTOR_SCORES: Record<FactorKey, (ctx: ScoringContext) => number | null> = {
  usage: usageScore,
  engagement: engagementScore,
  adoption: adoptionScore,
  relationship: relationshipScore,
};

/** The cleaned inputs of an account, from its rows or from its scoring rollup. Throws for an invalid `today`. */
export function accountContext(inputs: HealthInputs | RollupInputs, settings: Settings, today: IsoDate): ScoringContext {
  if (!isIsoDate(today)) throw new RangeError(`today: "${String(today)}" is not a valid YYYY-MM-DD date`);
  const summarize = 'rollup' in inputs ? rollupSummarizer(inputs.rollup) : rowSummarizer(inputs);
  return buildContext(inputs.account, summarize, settings, today);
}

/**
 * assessAccount's computed score, band and override state, nothing else. Throws for what assessAccount throws for:
 * an invalid `today`, or weights/band edges that break the rules.
 */
export function scoreAccount(inputs: HealthInputs | RollupInputs, settings: Settings, today: IsoDate): AccountScore {
  const ctx = accountContext(inputs, settings, today);
  const factors = {} as FactorScores;
  for (const key of FACTOR_KEYS) factors[key] = FACTOR_SCORES[key](ctx);
  const combined = combineFactors(factors, weightsFor(settings, inputs.account.segment).weights, settings.bands);
  return {
    computedScore: combined.score,
    computedBand: combined.band,
    computedExact: combined.exact,
    factors,
    override: resolveOverride(inputs.override, combined.band, today),
  };
}
