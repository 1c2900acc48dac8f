/**
 * Property-style check over nasty inputs and any valid settings: whatever the data, the engine returns a defined
 * result whose parts agree with each other — never NaN, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { assessAccount } from '@/lib/scoring/account-health';
import { bandFor } from '@/lib/scoring/health';
import type { Plan, Segment } from '@/lib/schemas/common';
import type { Override } from '@/lib/schemas/records';
import type { HealthWeights, Settings } from '@/lib/schemas/settings';
import { makeAccount, makeMeeting, makeNps, makeSettings, makeTicket, makeUsage, TODAY } from './fixtures';

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const NUMBERS = [0, 1, 3, 12, 250, -1, -0.5, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e15];
const DATES = ['2025-06-14', '2025-06-10', '2025-05-16', '2025-05-15', '2025-03-01', '2024-06-15', TODAY, '2025-06-16', '2030-01-01',
  '1999-12-31', '2025-02-29', '2025-6-1', '', 'soon'];
const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise', undefined, 'Galactic', '__proto__', 'constructor'] as (Segment | undefined)[];
const PLANS = ['Free', 'Starter', 'Professional', 'Enterprise', undefined, 'Platinum', 'toString'] as (Plan | undefined)[];

function weights(): HealthWeights {
  const a = int(0, 100);
  const b = int(0, 100 - a);
  const c = int(0, 100 - a - b);
  return { usage: a, engagement: b, adoption: c, relationship: 100 - a - b - c };
}

function settings(): Settings {
  const atRisk = int(1, 98);
  return makeSettings({
    weights: weights(),
    segmentWeights: random() < 0.5 ? { SMB: weights(), Enterprise: weights() } : {},
    bands: { atRisk, healthy: int(atRisk + 1, 100) },
    staleAfterDays: pick([1, 7, 30, 365]),
    windowDays: pick([1, 7, 30, 90, 365]),
  });
}

function override(): Override | undefined {
  if (random() < 0.5) return undefined;
  return {
    accountId: 'acc-1', score: pick([0, 55, 100, 101, -3, 2.5, Number.NaN]), reason: 'r', expiresOn: pick(DATES),
    locked: random() < 0.5, ...(random() < 0.5 ? { computedBandAtSet: pick(['healthy', 'at-risk', 'critical', 'unknown'] as const) } : {}),
    setBy: '', setAt: 0,
  };
}

const finiteOrNull = (value: number | null) => value === null || Number.isFinite(value);

describe('assessAccount over nasty inputs and random valid settings', () => {
  it('always returns a consistent, finite result', () => {
    for (let run = 0; run < 400; run++) {
      const config = settings();
      const inputs = {
        account: makeAccount({ seats: pick([...NUMBERS, undefined]), plan: pick(PLANS), segment: pick(SEGMENTS), startDate: pick(DATES) }),
        usage: Array.from({ length: int(0, 6) }, () =>
          makeUsage(pick(DATES), {
            logins: pick(NUMBERS), assessments: pick(NUMBERS), reports: pick(NUMBERS), usersInvited: pick(NUMBERS), featuresUsed: pick(NUMBERS),
          }),
        ),
        tickets: Array.from({ length: int(0, 4) }, () =>
          makeTicket('2025-06-01', {
            createdAt: pick([...NUMBERS, Date.parse('2025-06-14T23:59:59Z'), Date.parse('2025-06-15T00:00:00Z'), Date.parse('2025-05-16T00:00:00Z')]),
            satisfaction: pick(['unoffered', 'offered', 'good', 'bad'] as const),
          }),
        ),
        nps: Array.from({ length: int(0, 3) }, (_, i) => makeNps(pick(DATES), pick([0, 6, 9, 10, 11, -1, 7.5, Number.NaN]), `n${i}`)),
        meetings: Array.from({ length: int(0, 4) }, (_, i) =>
          makeMeeting(pick(DATES), {
            id: `m${i}`, type: pick(['check-in', 'ebr', 'exec-sponsor'] as const), attended: random() < 0.5,
            responseDays: pick([...NUMBERS, null, undefined]),
          }),
        ),
        override: override(),
        pastScores: [{ date: '2025-06-08', score: pick([null, 0, 50, 100]) }, { date: '2025-05-16', score: pick([null, 40]) }],
      };
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
