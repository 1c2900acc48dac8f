/**
 * The composite health score (DESIGN.md §3): four factor scores combined with weights, N/A factors left out and
 * their weight shared out over the others, rounded half up, banded from the rounded score.
 */
import type { Band, Segment } from '../schemas/common';
import { BandEdges, FactorKey, HealthWeights, type Settings } from '../schemas/settings';

export const FACTOR_KEYS = FactorKey.options;

/** Each factor's score 0–100, or null when the factor has no data (N/A). */
export type FactorScores = Record<FactorKey, number | null>;

export interface Contribution {
  /** The factor's score, or null (N/A). */
  score: number | null;
  /** The configured weight. */
  weight: number;
  /** The weight after N/A factors' weight is shared out: weight / Σ weights of factors with data × 100. 0 when N/A. */
  effectiveWeight: number;
  /** Points this factor adds to the unrounded composite: effectiveWeight × score / 100. null when N/A. */
  contribution: number | null;
}

export interface CombinedScore {
  /** Whole number 0–100, or null when no factor with a non-zero weight has data. */
  score: number | null;
  band: Band;
  /** The composite before rounding (null with score). */
  exact: number | null;
  contributions: Record<FactorKey, Contribution>;
}

export const DEFAULT_BAND_EDGES: BandEdges = { healthy: 80, atRisk: 50 };

/** Thrown for weights or band edges that break the rules; the message is the reason. */
export class ScoringConfigError extends Error {
  override name = 'ScoringConfigError';
}

// Settings are validated once when loaded; rescoring passes the same objects 100k times.
const checkedWeights = new WeakSet<HealthWeights>();
const checkedEdges = new WeakSet<BandEdges>();

/** Throws ScoringConfigError naming the problem ("usage: weight must not be negative", "weights must add up to 100"). */
export function assertValidWeights(weights: HealthWeights): void {
  if (checkedWeights.has(weights)) return;
  const parsed = HealthWeights.safeParse(weights);
  if (!parsed.success) throw new ScoringConfigError(describeIssues(parsed.error.issues));
  checkedWeights.add(weights);
}

function assertValidEdges(edges: BandEdges): void {
  if (checkedEdges.has(edges)) return;
  const parsed = BandEdges.safeParse(edges);
  if (!parsed.success) throw new ScoringConfigError(describeIssues(parsed.error.issues));
  checkedEdges.add(edges);
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * Half up, with a tolerance for binary fractions: 77.5 → 78 even when the sum came out as 77.49999999999999.
 */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

/** The band of a (rounded) score: healthy ≥ edges.healthy, at-risk ≥ edges.atRisk, else critical; null → unknown. */
export function bandFor(score: number | null, edges: BandEdges = DEFAULT_BAND_EDGES): Band {
  if (score === null) return 'unknown';
  if (score >= edges.healthy) return 'healthy';
  if (score >= edges.atRisk) return 'at-risk';
  return 'critical';
}

/**
 * Σ(weight × factor) / Σ(weight) over the factors that have data. A factor score that is NaN counts as N/A; one
 * outside 0–100 is clamped. When the factors with data all weigh 0, there is nothing to average: unknown.
 * Throws ScoringConfigError for invalid weights or band edges.
 */
export function combineFactors(
  factors: FactorScores,
  weights: HealthWeights,
  bands: BandEdges = DEFAULT_BAND_EDGES,
): CombinedScore {
  assertValidWeights(weights);
  assertValidEdges(bands);
  let weightWithData = 0;
  let weighted = 0;
  const clean = {} as FactorScores;
  for (const key of FACTOR_KEYS) {
    const raw = factors[key];
    const score = raw === null || Number.isNaN(raw) ? null : Math.min(100, Math.max(0, raw));
    clean[key] = score;
    if (score !== null) {
      weightWithData += weights[key];
      weighted += weights[key] * score;
    }
  }
  const exact = weightWithData > 0 ? weighted / weightWithData : null;
  const contributions = {} as Record<FactorKey, Contribution>;
  for (const key of FACTOR_KEYS) {
    const score = clean[key];
    const effectiveWeight = score !== null && weightWithData > 0 ? (weights[key] / weightWithData) * 100 : 0;
    contributions[key] = {
      score,
      weight: weights[key],
      effectiveWeight,
      contribution: score === null ? null : (effectiveWeight * score) / 100,
    };
  }
  const score = exact === null ? null : roundHalfUp(exact);
  return { score, band: bandFor(score, bands), exact, contributions };
}

/**
 * The weights for an account's segment: the segment's own when configured, else the team's. An account with no
 * segment, or a segment Sightline does not know (bad import), uses the team's weights.
 */
export function weightsFor(
  settings: Pick<Settings, 'weights' | 'segmentWeights'>,
  segment: Segment | undefined,
): { weights: HealthWeights; source: 'default' | Segment } {
  if (segment !== undefined && Object.hasOwn(settings.segmentWeights, segment)) {
    const own = settings.segmentWeights[segment];
    if (own) return { weights: own, source: segment };
  }
  return { weights: settings.weights, source: 'default' };
}
