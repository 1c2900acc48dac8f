import { describe, expect, it } from 'vitest';
import { assessAccount } from '@/lib/scoring/account-health';
import type { HealthInputs } from '@/lib/scoring/inputs';
import { makeAccount, makeMeeting, makeNps, makeSettings, makeTicket, makeUsage, TODAY } from './fixtures';

/**
 * A Professional account with 10 seats on 2025-06-15. Window: the 30 days 2025-05-16 … 2025-06-14.
 * Expected levels (Professional, per 30 days): 12 logins per seat → 120, 4 assessments, 4 reports; 20 features.
 */
function example(): HealthInputs {
  return {
    account: makeAccount(),
    usage: [
      makeUsage('2025-06-14', { logins: 30, assessments: 1, reports: 2, featuresUsed: 8, usersInvited: 6 }),
      makeUsage('2025-06-01', { logins: 30, assessments: 1, reports: 0, featuresUsed: 12, usersInvited: 5 }),
      // 31 days before today: outside the window.
      makeUsage('2025-05-15', { logins: 100, assessments: 10, reports: 10, featuresUsed: 20, usersInvited: 10 }),
    ],
    tickets: [
      makeTicket('2025-06-10', { satisfaction: 'good' }),
      makeTicket('2025-06-02', { satisfaction: 'good' }),
      makeTicket('2025-05-20', { satisfaction: 'bad' }),
      makeTicket('2025-04-01', { satisfaction: 'bad' }), // outside the window
    ],
    nps: [makeNps('2025-06-05', 8), makeNps('2025-01-05', 3)],
    meetings: [
      makeMeeting('2025-06-01', { type: 'qbr', attended: true, responseDays: 2 }),
      makeMeeting('2025-05-01', { type: 'ebr', attended: true, responseDays: 1 }),
      makeMeeting('2025-04-01', { type: 'check-in', attended: false, responseDays: null }),
      makeMeeting('2025-01-01', { type: 'check-in', attended: true }), // outside the 90-day lookback
    ],
  };
}

describe('assessAccount: a hand-computed account', () => {
  const health = assessAccount(example(), makeSettings(), TODAY);

  it('scores usage: logins 60/120 = 50, assessments 2/4 = 50, reports 2/4 = 50 → 50', () => {
    const usage = health.factors.usage;
    expect(usage.score).toBe(50);
    expect(usage.indicators.map((i) => [i.key, i.value, i.expected, i.score])).toEqual([
      ['logins', 60, 120, 50],
      ['assessments', 2, 4, 50],
      ['reports', 2, 4, 50],
    ]);
    expect(usage.newestDate).toBe('2025-06-14');
    expect(usage.ageDays).toBe(1);
  });

  it('scores engagement: 3 tickets → 70, 2 of 3 good → 66.7, NPS 8 → 80', () => {
    const [volume, satisfaction, nps] = health.factors.engagement.indicators;
    expect(volume).toMatchObject({ key: 'tickets', value: 3, expected: 10, score: 70 });
    expect(satisfaction?.score).toBeCloseTo(200 / 3, 10);
    expect(nps).toMatchObject({ key: 'nps', value: 8, score: 80, newestDate: '2025-06-05', ageDays: 10 });
    expect(health.factors.engagement.score).toBeCloseTo((70 + 200 / 3 + 80) / 3, 10);
  });

  it('scores adoption: 6 of 10 seats invited → 60, 12 of 20 features → 60', () => {
    expect(health.factors.adoption.indicators.map((i) => [i.key, i.value, i.expected, i.score])).toEqual([
      ['usersInvited', 6, 10, 60],
      ['featuresUsed', 12, 20, 60],
    ]);
    expect(health.factors.adoption.score).toBe(60);
  });

  it('scores relationship: attendance (1 + 2) / 4 = 75 with the EBR counted twice; answers 2 d, 1 d, never', () => {
    const [attendance, responsiveness] = health.factors.relationship.indicators;
    expect(attendance?.score).toBe(75);
    // 2 days: 100 × (14 − 2) / (14 − 1) = 92.31; 1 day: 100; never: 0.
    expect(responsiveness?.score).toBeCloseTo((1200 / 13 + 100 + 0) / 3, 10);
    expect(responsiveness?.value).toBe(1.5);
    expect(health.factors.relationship.score).toBeCloseTo((75 + (1200 / 13 + 100) / 3) / 2, 10);
  });

  it('combines them with the default weights: 60.49 → 60, at-risk', () => {
    const engagement = (70 + 200 / 3 + 80) / 3;
    const relationship = (75 + (1200 / 13 + 100) / 3) / 2;
    const exact = (40 * 50 + 25 * engagement + 20 * 60 + 15 * relationship) / 100;
    expect(health.computedExact).toBeCloseTo(exact, 10);
    expect(exact).toBeCloseTo(60.488, 3);
    expect(health).toMatchObject({ score: 60, computedScore: 60, band: 'at-risk', computedBand: 'at-risk', weightsSource: 'default' });
    expect(health.factors.usage).toMatchObject({ weight: 40, effectiveWeight: 40, contribution: 20 });
    expect(health.override).toEqual({ state: 'none' });
    expect(health.issues).toEqual([]);
  });

  it('is not stale when every input is recent', () => {
    expect(health.stale).toBe(false);
  });
});

describe('assessAccount: staleness', () => {
  it('flags an input older than staleAfterDays and the score with it', () => {
    const inputs = example();
    inputs.nps = [makeNps('2025-03-01', 8)]; // 106 days old
    const health = assessAccount(inputs, makeSettings(), TODAY);
    const nps = health.factors.engagement.indicators.find((i) => i.key === 'nps');
    expect(nps).toMatchObject({ ageDays: 106, stale: true });
    expect(health.factors.engagement.stale).toBe(true);
    expect(health.factors.usage.stale).toBe(false);
    expect(health.stale).toBe(true);
    // The factor's age is its newest input's: the ticket of 2025-06-10.
    expect(health.factors.engagement.ageDays).toBe(5);
  });

  it('follows the configured age', () => {
    const inputs = example();
    inputs.nps = [makeNps('2025-03-01', 8)];
    expect(assessAccount(inputs, makeSettings({ staleAfterDays: 120 }), TODAY).stale).toBe(false);
  });

  it('counts an account whose usage stopped as 0 usage, flagged stale', () => {
    const inputs = example();
    inputs.usage = [makeUsage('2025-03-01', { logins: 500, assessments: 9, reports: 9, featuresUsed: 15, usersInvited: 8 })];
    const health = assessAccount(inputs, makeSettings(), TODAY);
    expect(health.factors.usage.score).toBe(0);
    expect(health.factors.usage.stale).toBe(true);
    // Invited users are a state, read from the newest row; features used are activity in the window.
    expect(health.factors.adoption.indicators.map((i) => i.score)).toEqual([80, 0]);
  });
});

describe('assessAccount: settings', () => {
  it('uses the segment’s weights', () => {
    const settings = makeSettings({ segmentWeights: { 'Mid-Market': { usage: 100, engagement: 0, adoption: 0, relationship: 0 } } });
    const health = assessAccount(example(), settings, TODAY);
    expect(health).toMatchObject({ score: 50, weightsSource: 'Mid-Market' });
  });

  it('scales expectations with the window: 60 days doubles them', () => {
    const health = assessAccount(example(), makeSettings({ windowDays: 60 }), TODAY);
    // Window 2025-04-16 … 2025-06-14 now includes 2025-05-15: logins 160 / 240, assessments 12 / 8, reports 12 / 8.
    expect(health.factors.usage.indicators.map((i) => [i.value, i.expected])).toEqual([
      [160, 240],
      [12, 8],
      [12, 8],
    ]);
    expect(health.factors.usage.score).toBeCloseTo((200 / 3 + 100 + 100) / 3, 10);
  });

  it('computes the trend from past snapshots', () => {
    const health = assessAccount(
      { ...example(), pastScores: [{ date: '2025-06-08', score: 70 }, { date: '2025-05-16', score: 55 }] },
      makeSettings(),
      TODAY,
    );
    expect(health.trend).toEqual({ delta7: -10, delta30: 5 });
  });
});

describe('assessAccount: overrides', () => {
  const override = { accountId: 'acc-1', score: 90, reason: 'Renewal signed yesterday', expiresOn: '2025-07-01', locked: false, setBy: 'Ana', setAt: 0 };

  it('shows an active override and keeps the computed score beside it', () => {
    const health = assessAccount({ ...example(), override: { ...override, computedBandAtSet: 'at-risk' } }, makeSettings(), TODAY);
    expect(health).toMatchObject({ score: 90, band: 'healthy', computedScore: 60, computedBand: 'at-risk' });
    expect(health.override.state).toBe('applied');
  });

  it('ignores an expired override', () => {
    const health = assessAccount({ ...example(), override: { ...override, expiresOn: '2025-06-14' } }, makeSettings(), TODAY);
    expect(health).toMatchObject({ score: 60, band: 'at-risk' });
    expect(health.override.state).toBe('expired');
  });

  it('drops an unlocked override once the computed band changed, keeps a locked one', () => {
    const unlocked = assessAccount({ ...example(), override: { ...override, computedBandAtSet: 'critical' } }, makeSettings(), TODAY);
    expect(unlocked.override.state).toBe('lapsed');
    expect(unlocked.score).toBe(60);
    const locked = assessAccount({ ...example(), override: { ...override, locked: true, computedBandAtSet: 'critical' } }, makeSettings(), TODAY);
    expect(locked.override.state).toBe('applied');
    expect(locked.score).toBe(90);
  });
});
