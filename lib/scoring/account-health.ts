/**
 * One account's health with its full explanation: what the side panel, the badge and the detail page show. Pure: the
 * inputs come from lib/db/account-inputs.ts. Rescoring (lib/db/rescore.ts) uses the score-only twin,
 * lib/scoring/account-score.ts, which gives the same numbers without building the explanation.
 */
import { Segment, type Band, type IsoDate } from '../schemas/common';
import type { FactorKey, HealthWeights, Settings } from '../schemas/settings';
import { accountContext } from './account-score';
import { adoptionFactor } from './adoption';
import { engagementFactor } from './engagement';
import type { FactorResult, IndicatorResult } from './factor';
import { bandFor, combineFactors, FACTOR_KEYS, weightsFor, type FactorScores } from './health';
import type { DataIssue, HealthInputs, ScorePoint, ScoringContext } from './inputs';
import { resolveOverride, type OverrideState } from './override';
import { relationshipFactor } from './relationship';
import type { RollupInputs } from './rollup';
import { computeTrend, type Trend } from './trend';
import { usageFactor } from './usage';

export interface FactorExplanation {
  key: FactorKey;
  /** 0–100, or null when no indicator has data (N/A: its weight is shared out). */
  score: number | null;
  weight: number;
  effectiveWeight: number;
  contribution: number | null;
  indicators: IndicatorResult[];
  /** Newest record behind the factor's scored indicators, and its age in days. */
  newestDate: IsoDate | null;
  ageDays: number | null;
  stale: boolean;
}

export interface AccountHealth {
  accountId: string;
  today: IsoDate;
  /** The score shown: an applied override's, else the computed one. */
  score: number | null;
  band: Band;
  computedScore: number | null;
  computedBand: Band;
  /** The composite before rounding. */
  computedExact: number | null;
  override: OverrideState;
  weights: HealthWeights;
  /** Whose weights: the team's ('default') or the account's segment's. */
  weightsSource: 'default' | Segment;
  factors: Record<FactorKey, FactorExplanation>;
  /** Some input behind the computed score is older than settings.staleAfterDays. */
  stale: boolean;
  /** Computed score against the snapshots 7 and 30 days ago. */
  trend: Trend;
  /** Data problems found while scoring (bad dates, negative counts, missing plan, …) and what was done about them. */
  issues: DataIssue[];
}

const SEGMENTS: ReadonlySet<string> = new Set(Segment.options);

const FACTORS: Record<FactorKey, (ctx: ScoringContext) => FactorResult> = {
  usage: usageFactor,
  engagement: engagementFactor,
  adoption: adoptionFactor,
  relationship: relationshipFactor,
};

/**
 * Scores one account as of `today`, from its rows or from its scoring rollup (the same result either way). Never returns NaN and never throws for bad data (the issues say what was
 * wrong); throws only for a caller's mistake: an invalid `today`, or weights/band edges that break the rules.
 */
export function assessAccount(
  inputs: (HealthInputs | RollupInputs) & { pastScores?: readonly ScorePoint[] },
  settings: Settings,
  today: IsoDate,
): AccountHealth {
  const ctx = accountContext(inputs, settings, today);
  const { weights, source } = weightsFor(settings, inputs.account.segment);
  const { segment } = inputs.account;
  if (segment !== undefined && !SEGMENTS.has(segment)) {
    ctx.issues.push({ field: 'account.segment', problem: `unknown segment "${String(segment)}": the team's weights apply` });
  }

  const results = {} as Record<FactorKey, FactorResult>;
  const scores = {} as FactorScores;
  for (const key of FACTOR_KEYS) {
    results[key] = FACTORS[key](ctx);
    scores[key] = results[key].score;
  }
  const combined = combineFactors(scores, weights, settings.bands);

  const factors = {} as Record<FactorKey, FactorExplanation>;
  let stale = false;
  for (const key of FACTOR_KEYS) {
    const scored = results[key].indicators.filter((i) => i.score !== null);
    let newest: IndicatorResult | null = null;
    for (const i of scored) if (i.newestDate !== null && (newest === null || i.newestDate > (newest.newestDate ?? ''))) newest = i;
    const factorStale = scored.some((i) => i.stale);
    stale ||= factorStale;
    factors[key] = {
      key,
      ...combined.contributions[key],
      indicators: results[key].indicators,
      newestDate: newest?.newestDate ?? null,
      ageDays: newest?.ageDays ?? null,
      stale: factorStale,
    };
  }

  const override = resolveOverride(inputs.override, combined.band, today);
  const score = override.state === 'applied' ? override.override.score : combined.score;
  return {
    accountId: inputs.account.id,
    today,
    score,
    band: bandFor(score, settings.bands),
    computedScore: combined.score,
    computedBand: combined.band,
    computedExact: combined.exact,
    override,
    weights,
    weightsSource: source,
    factors,
    stale,
    trend: computeTrend(combined.score, inputs.pastScores ?? [], today),
    issues: ctx.issues,
  };
}
