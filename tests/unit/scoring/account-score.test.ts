/**
 * The score-only path (rescoring) against the explained one (panel, badge): over nasty inputs, random settings and
 * both input forms (rows and the scoring rollup made from them), every factor score, the composite, its band and
 * the override's state must be the very same values — not merely close.
 */
import { describe, expect, it } from 'vitest';
import { adoptionFactor, adoptionScore } from '@/lib/scoring/adoption';
import { assessAccount } from '@/lib/scoring/account-health';
import { accountContext, scoreAccount } from '@/lib/scoring/account-score';
import { engagementFactor, engagementScore } from '@/lib/scoring/engagement';
import type { FactorResult } from '@/lib/scoring/factor';
import type { ScoringContext } from '@/lib/scoring/inputs';
import { relationshipFactor, relationshipScore } from '@/lib/scoring/relationship';
import { encodeRollup } from '@/lib/scoring/rollup';
import { usageFactor, usageScore } from '@/lib/scoring/usage';
import type { FactorKey, Settings } from '@/lib/schemas/settings';
import { makeAccount, makeSettings, makeUsage, TODAY } from './fixtures';
import { randomInputs, randomSettings } from './random-inputs';

const PAIRS: Record<FactorKey, [(ctx: ScoringContext) => FactorResult, (ctx: ScoringContext) => number | null]> = {
  usage: [usageFactor, usageScore],
  engagement: [engagementFactor, engagementScore],
  adoption: [adoptionFactor, adoptionScore],
  relationship: [relationshipFactor, relationshipScore],
};

/** Random settings, sometimes with indicator settings at their edges (zero weights and thresholds divide by zero). */
function edgySettings(run: number): Settings {
  const settings = randomSettings();
  if (run % 3 !== 0) return settings;
  return {
    ...settings,
    indicators: { ...settings.indicators, execMeetingWeight: 0, ticketsForZero: run % 2 ? 0 : 1, responseDaysFull: 2, responseDaysZero: 2 },
    planLimits: { ...settings.planLimits, Starter: { ...settings.planLimits.Starter, featuresAvailable: 0 } },
    usageExpectations: { ...settings.usageExpectations, Starter: { loginsPerSeat: 0, assessments: 0, reports: 1 } },
  };
}

describe('scoreAccount', () => {
  it('gives the very numbers assessAccount explains, factor by factor, from rows and from rollups', () => {
    let scored = 0;
    for (let run = 0; run < 600; run++) {
      const settings = edgySettings(run);
      const rows = randomInputs();
      const rollup = { account: rows.account, rollup: encodeRollup(rows.account.id, rows), override: rows.override };
      for (const inputs of [rows, rollup]) {
        const ctx = accountContext(inputs, settings, TODAY);
        for (const [key, [explained, scoreOnly]] of Object.entries(PAIRS)) {
          // Object.is: NaN equals NaN, 0 differs from -0.
          expect(Object.is(scoreOnly(ctx), explained(ctx).score), `${key}, run ${run}`).toBe(true);
        }
        const health = assessAccount(inputs, settings, TODAY);
        const score = scoreAccount(inputs, settings, TODAY);
        expect(Object.is(score.computedExact, health.computedExact), `run ${run}`).toBe(true);
        expect([score.computedScore, score.computedBand, score.override], `run ${run}`).toEqual([health.computedScore, health.computedBand, health.override]);
        if (score.computedScore !== null) scored++;
      }
    }
    // The inputs reach every branch, scored ones included.
    expect(scored).toBeGreaterThan(100);
  });

  it('scores a hand-computed account', () => {
    // Starter, 5 seats, one usage row: logins 20 of 40, assessments 1 of 2, reports 1 of 2 → usage 50; invited 5 of
    // 5 → 100, features 5 of 10 → 50: adoption 75. Default weights over the factors with data (usage 40, adoption
    // 20): (40 × 50 + 20 × 75) / 60 = 58.33 → 58, at-risk.
    const inputs = {
      account: makeAccount({ plan: 'Starter', seats: 5, startDate: '2024-01-01', segment: undefined }),
      usage: [makeUsage('2025-06-01', { logins: 20, assessments: 1, reports: 1, usersInvited: 5, featuresUsed: 5 })],
      tickets: [],
      nps: [],
      meetings: [],
    };
    const score = scoreAccount(inputs, makeSettings(), TODAY);
    expect(score).toMatchObject({ computedScore: 58, computedBand: 'at-risk', override: { state: 'none' } });
    expect(score.factors).toEqual({ usage: 50, engagement: null, adoption: 75, relationship: null });
  });

  it('rejects an invalid day', () => {
    expect(() => scoreAccount({ account: makeAccount(), usage: [], tickets: [], nps: [], meetings: [] }, makeSettings(), '2025-6-15')).toThrow(/today/);
  });
});
