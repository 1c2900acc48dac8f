/**
 * Property-style check over nasty inputs and any valid settings: whatever the data, the engine returns a defined
 * result whose parts agree with each other — never NaN, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { assessAccount } from '@/lib/scoring/account-health';
import { bandFor } from '@/lib/scoring/health';
import { TODAY } from './fixtures';
import { randomInputs, randomSettings } from './random-inputs';

const finiteOrNull = (value: number | null) => value === null || Number.isFinite(value);

describe('assessAccount over nasty inputs and random valid settings', () => {
  it('always returns a consistent, finite result', () => {
    for (let run = 0; run < 400; run++) {
      const config = randomSettings();
      const inputs = randomInputs();
      const health = assessAccount(inputs, config, TODAY);

      for (const score of [health.score, health.computedScore]) {
        if (score !== null) {
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
      }
      expect(health.band).toBe(bandFor(health.score, config.bands));
      expect(health.computedBand).toBe(bandFor(health.computedScore, config.bands));
      expect(health.computedExact === null).toBe(health.computedScore === null);
      expect(health.score === null).toBe(health.computedScore === null && health.override.state !== 'applied');

      const factors = Object.values(health.factors);
      const contributed = factors.reduce((sum, f) => sum + (f.contribution ?? 0), 0);
      if (health.computedExact !== null) {
        expect(contributed).toBeCloseTo(health.computedExact, 9);
        expect(factors.reduce((sum, f) => sum + f.effectiveWeight, 0)).toBeCloseTo(100, 9);
      }
      for (const factor of factors) {
        expect(finiteOrNull(factor.score) && finiteOrNull(factor.contribution) && finiteOrNull(factor.ageDays)).toBe(true);
        expect(Number.isFinite(factor.effectiveWeight)).toBe(true);
        expect(factor.stale).toBe(factor.indicators.some((i) => i.stale));
        for (const i of factor.indicators) {
          expect(finiteOrNull(i.value) && finiteOrNull(i.expected) && finiteOrNull(i.score) && finiteOrNull(i.ageDays)).toBe(true);
          if (i.score !== null) expect(i.score).toBeGreaterThanOrEqual(0);
          if (i.score !== null) expect(i.score).toBeLessThanOrEqual(100);
          if (i.stale) expect(i.ageDays).toBeGreaterThan(config.staleAfterDays);
        }
      }
      expect(health.stale).toBe(factors.some((f) => f.stale));
      for (const delta of [health.trend.delta7, health.trend.delta30]) expect(delta === null || Number.isInteger(delta)).toBe(true);
      for (const issue of health.issues) expect(issue.field).toMatch(/^(account|usage|tickets|nps|meetings)\.[a-zA-Z]+$/);
    }
  });
});
