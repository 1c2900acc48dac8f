import { describe, expect, it } from 'vitest';
import { evaluateTriggers, manualTrigger, type TriggerInput } from '@/lib/playbooks/triggers';

/** A healthy, steady account with nothing due: fires nothing. */
const calm: TriggerInput = {
  today: '2026-10-10',
  score: 85,
  band: 'healthy',
  previousBand: 'healthy',
  score30DaysAgo: 86,
};

const kinds = (input: Partial<TriggerInput>) => evaluateTriggers({ ...calm, ...input }).map((trigger) => trigger.kind);
const only = (input: Partial<TriggerInput>) => {
  const fired = evaluateTriggers({ ...calm, ...input });
  expect(fired).toHaveLength(1);
  return fired[0]!;
};

describe('triggers', () => {
  it('fire nothing for a calm account', () => {
    expect(kinds({})).toEqual([]);
  });

  describe('band drop', () => {
    it('fires At-risk on Healthy → At Risk, with the bands behind it', () => {
      expect(only({ band: 'at-risk', score: 79, score30DaysAgo: 82 })).toEqual({
        kind: 'band-drop',
        templateId: 'at-risk',
        reason: 'Health band dropped from Healthy to At Risk (score 79)',
        data: { from: 'healthy', to: 'at-risk', score: 79 },
        key: 'band-drop:healthy>at-risk:2026-10-10',
      });
    });

    it('fires on any drop to a worse band, not on a rise, a steady band or a first score', () => {
      expect(kinds({ band: 'critical', score: 40, score30DaysAgo: 45 })).toEqual(['band-drop']);
      expect(kinds({ previousBand: 'at-risk', band: 'critical', score: 45, score30DaysAgo: 50 })).toEqual(['band-drop']);
      expect(kinds({ previousBand: 'critical', band: 'at-risk', score: 55, score30DaysAgo: 50 })).toEqual([]);
      expect(kinds({ previousBand: 'at-risk', band: 'at-risk', score: 60, score30DaysAgo: 65 })).toEqual([]);
      expect(kinds({ previousBand: 'unknown', band: 'critical', score: 30, score30DaysAgo: null })).toEqual([]);
      expect(kinds({ previousBand: 'healthy', band: 'unknown', score: null })).toEqual([]);
    });
  });

  describe('score drop', () => {
    it('fires at exactly 10 points down in 30 days', () => {
      expect(only({ score: 80, score30DaysAgo: 90 })).toMatchObject({
        kind: 'score-drop',
        templateId: 'at-risk',
        reason: 'Health score fell 10 points in 30 days (90 → 80)',
        data: { from: 90, to: 80, points: 10, days: 30 },
        reopenAfterDays: 30,
      });
    });

    it('does not fire at 9 points, or without both scores', () => {
      expect(kinds({ score: 81, score30DaysAgo: 90 })).toEqual([]);
      expect(kinds({ score: 80, score30DaysAgo: null })).toEqual([]);
    });

    it('fires beside a band drop, band drop first', () => {
      expect(kinds({ band: 'at-risk', score: 71, score30DaysAgo: 84 })).toEqual(['band-drop', 'score-drop']);
    });
  });

  describe('usage near the plan limit', () => {
    it('fires Expansion at exactly 80 %', () => {
      expect(only({ usage: { measure: 'seats', used: 40, limit: 50 } })).toEqual({
        kind: 'usage-near-limit',
        templateId: 'expansion',
        reason: 'Using 40 of 50 seats (80 % of the plan limit)',
        data: { measure: 'seats', used: 40, limit: 50, percent: 80 },
        key: 'usage-near-limit',
        reopenAfterDays: 30,
      });
      // 12/15 is 80 % too; 0.8 × 15 in floating point is not exactly 12.
      expect(kinds({ usage: { measure: 'assessments', used: 12, limit: 15 } })).toEqual(['usage-near-limit']);
    });

    it('does not fire just below 80 % or without a limit', () => {
      expect(kinds({ usage: { measure: 'seats', used: 79, limit: 100 } })).toEqual([]);
      expect(kinds({ usage: { measure: 'seats', used: 5, limit: 0 } })).toEqual([]);
    });
  });

  describe('renewal', () => {
    it('fires in exactly 90 days, keyed by the renewal date', () => {
      expect(only({ renewalDate: '2027-01-08' })).toEqual({
        kind: 'renewal-due',
        templateId: 'renewal',
        reason: 'Renewal on 2027-01-08, in 90 days',
        data: { renewalDate: '2027-01-08', daysLeft: 90 },
        key: 'renewal:2027-01-08',
      });
      expect(only({ renewalDate: '2026-10-10' }).reason).toBe('Renewal is today (2026-10-10)');
    });

    it('does not fire in 91 days or after the date has passed', () => {
      expect(kinds({ renewalDate: '2027-01-09' })).toEqual([]);
      expect(kinds({ renewalDate: '2026-10-09' })).toEqual([]);
    });
  });

  describe('NPS detractor', () => {
    it('fires Escalation for a 0–6 answer, keyed by the response', () => {
      expect(only({ latestNps: { id: 'n7', score: 6, date: '2026-10-01' } })).toEqual({
        kind: 'nps-detractor',
        templateId: 'escalation',
        reason: 'NPS detractor: scored 6 on 2026-10-01',
        data: { score: 6, date: '2026-10-01', responseId: 'n7' },
        key: 'nps:n7',
      });
      expect(kinds({ latestNps: { id: 'n0', score: 0, date: '2026-10-10' } })).toEqual(['nps-detractor']);
    });

    it('does not fire for a passive (7) or for an answer older than 90 days', () => {
      expect(kinds({ latestNps: { id: 'n8', score: 7, date: '2026-10-01' } })).toEqual([]);
      expect(kinds({ latestNps: { id: 'n9', score: 2, date: '2026-07-12' } })).toEqual(['nps-detractor']); // 90 days
      expect(kinds({ latestNps: { id: 'n9', score: 2, date: '2026-07-11' } })).toEqual([]); // 91 days
    });
  });

  describe('stalled journey', () => {
    it('fires Onboarding for the stalled stage', () => {
      const stalledStage = { stage: 'activate', milestone: 'shared-with-team', lastDay: 29, daysSinceStart: 30 } as const;
      expect(only({ today: '2026-10-20', stalledStage })).toEqual({
        kind: 'journey-stalled',
        templateId: 'onboarding-activate',
        reason: 'Journey stalled in Activate: "Shared with team" not reached by day 29 (now day 30)',
        data: { stage: 'activate', milestone: 'shared-with-team', lastDay: 29, daysSinceStart: 30 },
        key: 'journey-stalled:activate',
      });
    });
  });

  it('starts by hand', () => {
    expect(manualTrigger('renewal', 'Dana Lee', 1_790_000_000_000)).toEqual({
      kind: 'manual',
      templateId: 'renewal',
      reason: 'Started by Dana Lee',
      data: { by: 'Dana Lee' },
      key: 'manual:1790000000000',
    });
  });
});
