import { describe, expect, it } from 'vitest';
import { buildTriggerInput, latestStalledStage, usageClosestToLimit, type AccountFacts } from '@/lib/playbooks/trigger-inputs';
import type { Account, Milestone, MilestoneKey, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';

const account: Account = {
  id: 'acc',
  name: 'Acme',
  domains: ['acme.com'],
  plan: 'Starter', // limits: 10 seats, 10 assessments, 10 features
  arr: 12000,
  startDate: '2026-09-01',
  renewalDate: '2027-01-01',
  status: 'active',
};

const day = (date: string, values: Partial<UsageDay> = {}): UsageDay => ({
  accountId: 'acc',
  date,
  logins: 1,
  assessments: 0,
  reports: 0,
  activeUsers: 1,
  usersInvited: 2,
  featuresUsed: 1,
  ...values,
});

describe('usageClosestToLimit', () => {
  it('picks the measure nearest its limit: invited users on the latest day, assessments summed, features at most', () => {
    const days = [day('2026-10-01', { usersInvited: 9, assessments: 3, featuresUsed: 4 }), day('2026-10-02', { usersInvited: 5, assessments: 4, featuresUsed: 6 })];
    expect(usageClosestToLimit(account, days, DEFAULT_SETTINGS)).toEqual({ measure: 'assessments', used: 7, limit: 10 });
    expect(usageClosestToLimit({ ...account, seats: 6 }, days, DEFAULT_SETTINGS)).toEqual({ measure: 'seats', used: 5, limit: 6 });
  });

  it('uses the account seats alone when there is no plan, and nothing without usage', () => {
    const { plan: _plan, ...noPlan } = account;
    expect(usageClosestToLimit({ ...noPlan, seats: 4 }, [day('2026-10-01')], DEFAULT_SETTINGS)).toEqual({ measure: 'seats', used: 2, limit: 4 });
    expect(usageClosestToLimit(noPlan, [day('2026-10-01')], DEFAULT_SETTINGS)).toBeUndefined();
    expect(usageClosestToLimit(account, [], DEFAULT_SETTINGS)).toBeUndefined();
  });
});

describe('buildTriggerInput', () => {
  const facts: AccountFacts = {
    account,
    today: '2026-10-10',
    health: { score: 71, band: 'at-risk' },
    previousScore: 84,
    score30DaysAgo: 86,
    usageDays: [day('2026-10-09', { usersInvited: 8 })],
    npsResponses: [
      { id: 'old', accountId: 'acc', score: 9, date: '2026-08-01' },
      { id: 'new', accountId: 'acc', score: 3, date: '2026-10-02' },
      { id: 'future', accountId: 'acc', score: 10, date: '2026-12-01' },
    ],
    milestones: [
      { accountId: 'acc', key: 'first-gap-identified', date: '2026-09-05' },
      { accountId: 'acc', key: 'shared-with-team', date: '2026-11-01' }, // after today: not reached yet
    ],
  };

  it('gathers the numbers the rules read', () => {
    expect(buildTriggerInput(facts, DEFAULT_SETTINGS)).toEqual({
      today: '2026-10-10',
      score: 71,
      band: 'at-risk',
      previousBand: 'healthy',
      score30DaysAgo: 86,
      usage: { measure: 'seats', used: 8, limit: 10 },
      renewalDate: '2027-01-01',
      latestNps: { id: 'new', score: 3, date: '2026-10-02' },
      stalledStage: { stage: 'activate', milestone: 'shared-with-team', lastDay: 29, daysSinceStart: 39 },
    });
  });
});

describe('latestStalledStage', () => {
  const reached = (...keys: MilestoneKey[]): Milestone[] => keys.map((key) => ({ accountId: 'acc', key, date: '2026-01-03' }));
  const stalled = (startDate: string, milestones: Milestone[], today: string) =>
    latestStalledStage({ ...account, startDate }, milestones, today, DEFAULT_SETTINGS);

  it('stalls in Onboard from day 7 without the first gap identified, not on day 6', () => {
    expect(stalled('2026-10-01', [], '2026-10-07')).toBeUndefined();
    expect(stalled('2026-10-01', [], '2026-10-08')).toEqual({ stage: 'onboard', milestone: 'first-gap-identified', lastDay: 6, daysSinceStart: 7 });
  });

  it('reports the latest stage that ran out of days, and never Expand', () => {
    expect(stalled('2026-01-01', reached('first-gap-identified'), '2026-05-01')?.stage).toBe('engage'); // Activate and Engage stalled
    expect(stalled('2026-01-01', reached('first-gap-identified', 'shared-with-team'), '2026-03-31')).toBeUndefined(); // day 89
    expect(stalled('2024-01-01', reached('first-gap-identified', 'shared-with-team', 'multi-user-adoption'), '2026-05-01')).toBeUndefined();
  });

  it('treats an old account with no milestones at all as untracked, and a start in the future as not started', () => {
    expect(stalled('2024-01-01', [], '2026-05-01')).toBeUndefined();
    expect(stalled('2026-02-15', [], '2026-05-01')?.stage).toBe('activate'); // day 75: Engage still has days left
    expect(stalled('2026-06-01', [], '2026-05-01')).toBeUndefined();
  });
});
