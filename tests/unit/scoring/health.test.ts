import { describe, expect, it } from 'vitest';
import { bandFor, combineFactors, roundHalfUp, ScoringConfigError, weightsFor } from '@/lib/scoring/health';
import type { Segment } from '@/lib/schemas/common';
import { DEFAULT_SETTINGS, type HealthWeights } from '@/lib/schemas/settings';

const W = DEFAULT_SETTINGS.weights; // 40 / 25 / 20 / 15

describe('combineFactors', () => {
  it('weights all four factors: (40×80 + 25×60 + 20×50 + 15×100) / 100 = 72 → at-risk', () => {
    const result = combineFactors({ usage: 80, engagement: 60, adoption: 50, relationship: 100 }, W);
    expect(result.score).toBe(72);
    expect(result.band).toBe('at-risk');
    expect(result.contributions.usage).toEqual({ score: 80, weight: 40, effectiveWeight: 40, contribution: 32 });
    expect(result.contributions.engagement.contribution).toBe(15);
    expect(result.contributions.adoption.contribution).toBe(10);
    expect(result.contributions.relationship.contribution).toBe(15);
  });

  it('shares an N/A factor’s weight out instead of counting it as 0', () => {
    // (25×60 + 20×50 + 15×100) / 60 = 4000 / 60 = 66.67 → 67
    const result = combineFactors({ usage: null, engagement: 60, adoption: 50, relationship: 100 }, W);
    expect(result.score).toBe(67);
    expect(result.exact).toBeCloseTo(66.6667, 3);
    expect(result.contributions.usage).toEqual({ score: null, weight: 40, effectiveWeight: 0, contribution: null });
    expect(result.contributions.engagement.effectiveWeight).toBeCloseTo((25 / 60) * 100, 10);
    const sum = Object.values(result.contributions).reduce((s, c) => s + (c.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(result.exact ?? NaN, 10);
  });

  it('rounds half up: 77.5 → 78', () => {
    // 40×80 + 25×90 + 20×100 + 15×20 = 3200 + 2250 + 2000 + 300 = 7750 → 77.5
    expect(combineFactors({ usage: 80, engagement: 90, adoption: 100, relationship: 20 }, W).score).toBe(78);
  });

  it('reads the band from the rounded score: 79.5 → 80 is healthy, 49.5 → 50 is at-risk', () => {
    const halves: HealthWeights = { usage: 50, engagement: 50, adoption: 0, relationship: 0 };
    const high = combineFactors({ usage: 79, engagement: 80, adoption: null, relationship: null }, halves);
    expect(high).toMatchObject({ score: 80, band: 'healthy', exact: 79.5 });
    const low = combineFactors({ usage: 49, engagement: 50, adoption: null, relationship: null }, halves);
    expect(low).toMatchObject({ score: 50, band: 'at-risk' });
    expect(combineFactors({ usage: 49, engagement: 49, adoption: null, relationship: null }, halves).band).toBe('critical');
  });

  it('gives no score when no factor has data', () => {
    const result = combineFactors({ usage: null, engagement: null, adoption: null, relationship: null }, W);
    expect(result).toMatchObject({ score: null, band: 'unknown', exact: null });
    expect(result.contributions.usage.effectiveWeight).toBe(0);
  });

  it('gives no score when only zero-weight factors have data', () => {
    const usageOnly: HealthWeights = { usage: 100, engagement: 0, adoption: 0, relationship: 0 };
    const result = combineFactors({ usage: null, engagement: 90, adoption: 70, relationship: null }, usageOnly);
    expect(result).toMatchObject({ score: null, band: 'unknown' });
    expect(result.contributions.engagement).toEqual({ score: 90, weight: 0, effectiveWeight: 0, contribution: 0 });
  });

  it('treats a NaN factor as N/A and clamps factors outside 0–100', () => {
    const result = combineFactors({ usage: Number.NaN, engagement: 150, adoption: -20, relationship: 60 }, W);
    // engagement 100, adoption 0, relationship 60 over weights 25+20+15 = 60: (2500 + 0 + 900) / 60 = 56.67 → 57
    expect(result.score).toBe(57);
    expect(result.contributions.usage.score).toBeNull();
    expect(result.contributions.engagement.score).toBe(100);
    expect(result.contributions.adoption.score).toBe(0);
  });

  it('applies configured band edges', () => {
    const result = combineFactors({ usage: 72, engagement: null, adoption: null, relationship: null }, W, { healthy: 70, atRisk: 40 });
    expect(result.band).toBe('healthy');
  });

  it('rejects weights that do not add up to 100, with the reason', () => {
    expect(() => combineFactors({ usage: 50, engagement: 50, adoption: 50, relationship: 50 }, { ...W, usage: 30 })).toThrow(
      /weights must add up to 100/,
    );
  });

  it('rejects a negative weight, naming the factor', () => {
    const weights = { usage: 120, engagement: -20, adoption: 0, relationship: 0 };
    expect(() => combineFactors({ usage: 50, engagement: 50, adoption: 50, relationship: 50 }, weights)).toThrow(
      /engagement: weight must not be negative/,
    );
  });

  it('rejects a NaN weight and inverted band edges', () => {
    const factors = { usage: 50, engagement: 50, adoption: 50, relationship: 50 };
    expect(() => combineFactors(factors, { ...W, usage: Number.NaN })).toThrow(ScoringConfigError);
    expect(() => combineFactors(factors, W, { healthy: 50, atRisk: 80 })).toThrow(/at-risk edge must be below/);
  });
});

describe('roundHalfUp and bandFor', () => {
  it('rounds binary fractions that land just under .5 up', () => {
    expect(0.3 * 4.5 * 10).toBeLessThan(13.5); // 13.499999999999998
    expect(roundHalfUp(0.3 * 4.5 * 10)).toBe(14);
    expect(roundHalfUp(62.5)).toBe(63);
    expect(roundHalfUp(62.49)).toBe(62);
  });

  it('bands with the default edges', () => {
    expect(bandFor(80)).toBe('healthy');
    expect(bandFor(79)).toBe('at-risk');
    expect(bandFor(50)).toBe('at-risk');
    expect(bandFor(49)).toBe('critical');
    expect(bandFor(0)).toBe('critical');
    expect(bandFor(null)).toBe('unknown');
  });
});

describe('weightsFor', () => {
  const enterprise: HealthWeights = { usage: 25, engagement: 25, adoption: 25, relationship: 25 };
  const settings = { weights: W, segmentWeights: { Enterprise: enterprise } };

  it('uses the segment’s own weights when configured', () => {
    expect(weightsFor(settings, 'Enterprise')).toEqual({ weights: enterprise, source: 'Enterprise' });
  });

  it('falls back to the team’s weights for other, missing and unknown segments', () => {
    expect(weightsFor(settings, 'SMB')).toEqual({ weights: W, source: 'default' });
    expect(weightsFor(settings, undefined)).toEqual({ weights: W, source: 'default' });
    expect(weightsFor(settings, 'Galactic' as Segment)).toEqual({ weights: W, source: 'default' });
    expect(weightsFor(settings, 'constructor' as Segment)).toEqual({ weights: W, source: 'default' });
  });
});
