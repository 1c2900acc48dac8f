/** Every scoring setting is read where it should be: change one, and the score changes as computed by hand. */
import { describe, expect, it } from 'vitest';
import { assessAccount } from '@/lib/scoring/account-health';
import { ScoringConfigError } from '@/lib/scoring/health';
import type { HealthInputs } from '@/lib/scoring/inputs';
import { DEFAULT_INDICATORS } from '@/lib/schemas/settings';
import { makeAccount, makeMeeting, makeSettings, makeTicket, makeUsage, TODAY } from './fixtures';

function inputs(fields: Partial<HealthInputs> = {}): HealthInputs {
  return { account: makeAccount(), usage: [], tickets: [], nps: [], meetings: [], ...fields };
}

/**
 * Professional, 10 seats: logins 60 / 120 → 50, assessments 4 / 4 → 100, reports 4 / 4 → 100: usage 83.33;
 * adoption 10 / 10 seats invited, 20 / 20 features → 100. Default weights: (40 × 83.33 + 20 × 100) / 60 = 88.89 → 89.
 */
const usageOnly = () =>
  inputs({ usage: [makeUsage('2025-06-10', { logins: 60, assessments: 4, reports: 4, usersInvited: 10, featuresUsed: 20 })] });

describe('configured band edges', () => {
  it('band the computed and the shown score', () => {
    // 89: healthy with the default edges, critical when at risk starts at 90.
    expect(assessAccount(usageOnly(), makeSettings(), TODAY)).toMatchObject({ computedScore: 89, band: 'healthy' });
    const strict = makeSettings({ bands: { healthy: 95, atRisk: 90 } });
    expect(assessAccount(usageOnly(), strict, TODAY)).toMatchObject({ computedScore: 89, computedBand: 'critical', band: 'critical' });
    const override = { accountId: 'acc-1', score: 92, reason: 'r', expiresOn: TODAY, locked: true, setBy: 'Ana', setAt: 0 };
    expect(assessAccount({ ...usageOnly(), override }, strict, TODAY)).toMatchObject({ score: 92, band: 'at-risk' });
  });
});

describe('weights', () => {
  // Usage 83.33, adoption 100 and relationship: one attended meeting → attendance 100.
  const both = () => ({ ...usageOnly(), meetings: [makeMeeting('2025-06-01')] });

  it('per segment: the account’s segment’s weights, other segments the team’s', () => {
    const settings = makeSettings({
      weights: { usage: 50, engagement: 20, adoption: 20, relationship: 10 },
      segmentWeights: { Enterprise: { usage: 10, engagement: 30, adoption: 30, relationship: 30 } },
    });
    // Team: (50 × 83.33 + 20 × 100 + 10 × 100) / 80 = 89.58 → 90.
    // Enterprise: (10 × 83.33 + 30 × 100 + 30 × 100) / 70 = 97.62 → 98.
    const smb = assessAccount({ ...both(), account: makeAccount({ segment: 'SMB' }) }, settings, TODAY);
    const enterprise = assessAccount({ ...both(), account: makeAccount({ segment: 'Enterprise' }) }, settings, TODAY);
    expect(smb).toMatchObject({ computedScore: 90, weightsSource: 'default', weights: settings.weights });
    expect(enterprise).toMatchObject({ computedScore: 98, weightsSource: 'Enterprise' });
    expect(enterprise.factors.relationship).toMatchObject({ weight: 30, score: 100 });
    expect(enterprise.factors.relationship.effectiveWeight).toBeCloseTo(3000 / 70, 10);
    expect(enterprise.factors.relationship.contribution).toBeCloseTo(3000 / 70, 10);
  });

  it('rejects invalid segment weights with the reason, instead of scoring with them', () => {
    const settings = makeSettings({ segmentWeights: { SMB: { usage: 50, engagement: 50, adoption: 50, relationship: -50 } } });
    const smb = { ...both(), account: makeAccount({ segment: 'SMB' }) } as const;
    expect(() => assessAccount(smb, settings, TODAY)).toThrow(ScoringConfigError);
    expect(() => assessAccount(smb, settings, TODAY)).toThrow(/relationship: weight must not be negative/);
    // Another segment does not use them.
    expect(assessAccount(both(), settings, TODAY).computedScore).not.toBeNull();
  });

  it('rejects team weights that do not add up to 100', () => {
    const settings = makeSettings({ weights: { usage: 40, engagement: 25, adoption: 20, relationship: 5 } });
    expect(() => assessAccount(both(), settings, TODAY)).toThrow(/weights must add up to 100/);
  });
});

describe('normalisation settings', () => {
  it('usage expectations and plan limits per plan', () => {
    const settings = makeSettings({
      usageExpectations: { ...makeSettings().usageExpectations, Professional: { loginsPerSeat: 3, assessments: 8, reports: 2 } },
      planLimits: { ...makeSettings().planLimits, Professional: { seats: 50, assessments: 50, featuresAvailable: 8 } },
    });
    const health = assessAccount(inputs({ usage: [makeUsage('2025-06-10', { logins: 15, assessments: 4, reports: 4, featuresUsed: 6 })] }), settings, TODAY);
    // 3 × 10 seats = 30 logins expected; 15 → 50. Assessments 4 / 8 → 50. Reports 4 / 2 → 100. Features 6 / 8 → 75.
    expect(health.factors.usage.indicators.map((i) => [i.expected, i.score])).toEqual([[30, 50], [8, 50], [2, 100]]);
    expect(health.factors.adoption.indicators[1]).toMatchObject({ expected: 8, score: 75 });
  });

  it('tickets: the count at which the volume score reaches 0', () => {
    const tickets = [makeTicket('2025-06-01'), makeTicket('2025-06-02'), makeTicket('2025-06-03')];
    const score = (ticketsForZero: number) =>
      assessAccount(inputs({ tickets }), makeSettings({ indicators: { ...DEFAULT_INDICATORS, ticketsForZero } }), TODAY)
        .factors.engagement.indicators[0]?.score;
    expect(score(10)).toBe(70);
    expect(score(5)).toBeCloseTo(40, 10);
    expect(score(2)).toBe(0);
  });

  it('meetings: lookback, executive weight and answer-time scale', () => {
    const meetings = [
      makeMeeting('2025-06-01', { type: 'ebr', attended: true, responseDays: 3 }),
      makeMeeting('2025-05-01', { attended: false, responseDays: 10 }),
    ];
    const relationship = (indicators: Partial<typeof DEFAULT_INDICATORS>) =>
      assessAccount(inputs({ meetings }), makeSettings({ indicators: { ...DEFAULT_INDICATORS, ...indicators } }), TODAY).factors.relationship;
    // Defaults: EBR ×2 → 2 / 3 attended; answers 3 d → 100 × 11 / 13, 10 d → 100 × 4 / 13.
    const defaults = relationship({});
    expect(defaults.indicators[0]?.score).toBeCloseTo(200 / 3, 10);
    expect(defaults.indicators[1]?.score).toBeCloseTo((1100 / 13 + 400 / 13) / 2, 10);
    expect(relationship({ execMeetingWeight: 1 }).indicators[0]?.score).toBe(50);
    // A 30-day lookback (today included) starts 2025-05-17: only the EBR counts.
    expect(relationship({ meetingLookbackDays: 30 }).indicators.map((i) => i.score)).toEqual([100, 1100 / 13]);
    // Full marks up to 5 days, none from 20: 3 d → 100, 10 d → 100 × 10 / 15.
    expect(relationship({ responseDaysFull: 5, responseDaysZero: 20 }).indicators[1]?.score).toBeCloseTo((100 + 1000 / 15) / 2, 10);
  });

  it('the window: counts and expectations over windowDays', () => {
    const health = assessAccount(
      inputs({ usage: [makeUsage('2025-06-10', { logins: 60, assessments: 4, reports: 4 })], tickets: [makeTicket('2025-06-12')] }),
      makeSettings({ windowDays: 7 }),
      TODAY,
    );
    // 7 days: 120 × 7 / 30 = 28 logins, 4 × 7 / 30 assessments and reports; the ticket threshold 10 × 7 / 30.
    expect(health.factors.usage.indicators.map((i) => i.expected)).toEqual([28, 28 / 30, 28 / 30]);
    expect(health.factors.engagement.indicators[0]).toMatchObject({ value: 1, expected: 70 / 30 });
    expect(health.factors.engagement.indicators[0]?.score).toBeCloseTo(100 * (1 - 30 / 70), 10);
  });
});
