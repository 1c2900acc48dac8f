import { describe, expect, it } from 'vitest';
import type { DigestInput } from '@/lib/portfolio/digest';
import { DEFAULT_FILTER, parseFilter } from '@/lib/portfolio/filter';
import { accountHref } from '@/lib/portfolio/links';
import { buildPopupView, type PopupInput } from '@/lib/portfolio/popup-view';
import type { Account, HealthSnapshot, Opportunity, Override, Ticket } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS, SalesforceInstanceUrl } from '@/lib/schemas/settings';
import { buildDigest } from '../support/digest';

const TODAY = '2026-06-30';
const settings = { ...DEFAULT_SETTINGS, currentUser: 'Ana Ruiz' };

function account(id: string, fields: Partial<Account> = {}): Account {
  return { id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', ...fields };
}
function snapshot(date: string, scores: Record<string, number>): HealthSnapshot {
  return { date, computedAt: 0, accountIds: Object.keys(scores), scores: Object.values(scores) };
}
function digestOf(input: Partial<DigestInput>) {
  return buildDigest({ accounts: [], opportunities: [], nps: [], tickets: [], milestones: [], targets: settings.targets, today: TODAY, builtAt: 1, ...input });
}
function view(input: Partial<DigestInput>, rest: Partial<Omit<PopupInput, 'digest'>> = {}) {
  return buildPopupView({ digest: digestOf(input), overrides: [], settings, filter: DEFAULT_FILTER, today: TODAY, ...rest });
}
const reasons = (v: ReturnType<typeof view>) => Object.fromEntries(v.metrics.map((m) => [m.definition.key, m.result.ok ? m.result.value : m.result.reason]));

describe('popup view: bad and thin data says why', () => {
  it('no data: zero accounts and every metric gives its reason, no number', () => {
    const v = view({});
    expect(v.totalAccounts).toBe(0);
    expect(v.bands.healthy).toEqual({ count: 0, arr: 0 });
    for (const metric of v.metrics) {
      expect(metric.result).toEqual({ ok: false, reason: 'cannot compute: no accounts in this selection' });
      expect(metric.met).toBeNull();
    }
    expect(v.renewals.map((r) => [r.days, r.count, r.forecast])).toEqual([
      [30, 0, { ok: false, reason: 'cannot compute: no renewals due in the next 30 days' }],
      [60, 0, { ok: false, reason: 'cannot compute: no renewals due in the next 60 days' }],
      [90, 0, { ok: false, reason: 'cannot compute: no renewals due in the next 90 days' }],
    ]);
    expect(v.atRisk).toEqual([]);
  });

  it('one account without a score: unknown band, its ARR counted, metrics without their data explain', () => {
    const v = view({ accounts: [account('a', { arr: 1200 })] });
    expect(v.accounts).toBe(1);
    expect(v.bands.unknown).toEqual({ count: 1, arr: 1200 });
    expect(reasons(v)).toEqual({
      nrr: 100, // started before the year, no movements: ARR at start 1200, kept 1200
      grr: 100,
      nps: 'cannot compute: no NPS responses in the period',
      csat: 'cannot compute: no rated tickets in the period',
      frt: 'cannot compute: no answered tickets in the period',
      ttv: `cannot compute: no account started between 2025-07-01 and ${TODAY}`,
    });
  });

  it('accounts with no ARR: NRR and GRR say the start ARR is 0, the accounts are counted as without ARR', () => {
    const v = view({ accounts: [account('a', { arr: 0 }), account('b', { arr: 0 })] });
    expect(v.noArr).toBe(2);
    expect(v.metrics.find((m) => m.definition.key === 'nrr')!.result).toEqual({ ok: false, reason: 'cannot compute: ARR at the start of the period is 0' });
    expect(v.metrics.find((m) => m.definition.key === 'grr')!.result).toEqual({ ok: false, reason: 'cannot compute: ARR at the start of the period is 0' });
  });

  it('renewals due with no ARR give no forecast percentage rather than 0 %', () => {
    const v = view({ accounts: [account('a', { arr: 0, renewalDate: '2026-07-10' })] });
    expect(v.renewals[0]).toEqual({ days: 30, count: 1, arr: 0, forecast: { ok: true, expectedArr: 0, expectedPercent: null } });
  });

  it('renewal dates in the past are overdue, not due', () => {
    const v = view({ accounts: [account('a', { arr: 500, renewalDate: '2026-06-01' }), account('b', { arr: 700, renewalDate: '2026-07-05' })] });
    expect(v.overdue).toEqual({ count: 1, arr: 500 });
    expect(v.renewals.map((r) => [r.count, r.arr])).toEqual([[1, 700], [1, 700], [1, 700]]);
  });

  it('a period whose cohort had ARR 0 at the start, though it has ARR now, cannot give NRR', () => {
    // Started before the period with 0, expanded by 900 inside it: ARR at start 0.
    const opportunities: Opportunity[] = [{ id: 'o1', accountId: 'a', type: 'expansion', amount: 900, closeDate: '2026-03-01', stage: 'Closed Won', outcome: 'won' }];
    const v = view({ accounts: [account('a', { arr: 900 })], opportunities });
    expect(v.metrics.find((m) => m.definition.key === 'nrr')!.result).toEqual({ ok: false, reason: 'cannot compute: ARR at the start of the period is 0' });
  });
});

describe('popup view: hand-computed portfolio', () => {
  const accounts = [
    account('h', { arr: 10_000, owner: 'Ana Ruiz', segment: 'SMB', renewalDate: '2026-07-10' }), // healthy 85
    account('r', { arr: 20_000, owner: ' ana ruiz ', segment: 'Enterprise', renewalDate: '2026-08-14' }), // at risk 60
    account('c', { arr: 5_000, owner: 'Bo Chen', segment: 'SMB', renewalDate: '2026-09-20', sfId: '001Dm0000018OWxIAM' }), // critical 30
    account('u', { arr: 0, owner: 'Bo Chen', segment: 'SMB' }), // no score
    account('x', { arr: 4_000, owner: 'Ana Ruiz', segment: 'SMB', status: 'churned', churnDate: '2026-02-01', renewalDate: '2026-07-01' }),
  ];
  const snapshots = {
    snapshot: snapshot(TODAY, { h: 85, r: 60, c: 30, u: -1, x: -1 }),
    snapshot7: snapshot('2026-06-23', { h: 80, r: 70, c: 30 }),
    snapshot30: snapshot('2026-05-30', { h: 90, r: 75 }),
  };
  const opportunities: Opportunity[] = [
    { id: 'e', accountId: 'h', type: 'expansion', amount: 2_000, closeDate: '2026-01-15', stage: 'Closed Won', outcome: 'won' },
  ];
  const tickets: Pick<Ticket, 'accountId' | 'createdAt' | 'firstReplyMinutes' | 'satisfaction'>[] = [
    { accountId: 'h', createdAt: Date.parse('2026-06-01T10:00:00Z'), firstReplyMinutes: 30, satisfaction: 'good' },
    { accountId: 'r', createdAt: Date.parse('2026-06-02T10:00:00Z'), firstReplyMinutes: 90, satisfaction: 'bad' },
    { accountId: 'c', createdAt: Date.parse('2026-06-03T10:00:00Z'), firstReplyMinutes: 300, satisfaction: 'good' },
    { accountId: 'c', createdAt: Date.parse('2026-01-03T10:00:00Z'), firstReplyMinutes: 9_000, satisfaction: 'bad' }, // before the 90 days
  ];
  const nps = [
    { accountId: 'h', score: 10, date: '2026-06-10' },
    { accountId: 'r', score: 9, date: '2026-06-11' },
    { accountId: 'c', score: 3, date: '2026-06-12' },
    { accountId: 'u', score: 7, date: '2026-06-13' },
  ];
  const input = { accounts, opportunities, tickets, nps, ...snapshots };

  it('bands by count and ARR, churned accounts apart', () => {
    const v = view(input);
    expect(v.accounts).toBe(4);
    expect(v.churned).toBe(1);
    expect(v.arr).toBe(35_000);
    expect(v.bands).toEqual({
      healthy: { count: 1, arr: 10_000 },
      'at-risk': { count: 1, arr: 20_000 },
      critical: { count: 1, arr: 5_000 },
      unknown: { count: 1, arr: 0 },
    });
  });

  it('metrics: hand-computed values and whether they meet the default targets', () => {
    const v = view(input);
    // Year cohort: h (10 000 − the 2 000 expansion = 8 000 at start), r, c, u, and x, which churned inside the year.
    const startArr = 8_000 + 20_000 + 5_000 + 0 + 4_000;
    expect(reasons(v).nrr).toBeCloseTo((100 * (startArr + 2_000 - 4_000)) / startArr, 10);
    expect(reasons(v).grr).toBeCloseTo((100 * (startArr - 4_000)) / startArr, 10);
    expect(reasons(v).nps).toBe(25); // 2 promoters, 1 passive, 1 detractor of 4
    expect(reasons(v).csat).toBeCloseTo(200 / 3, 10); // 2 good of 3 in the last 90 days
    expect(reasons(v).frt).toBe(90); // median of 30, 90, 300
    const met = Object.fromEntries(v.metrics.map((m) => [m.definition.key, m.met]));
    expect(met).toEqual({ nrr: false, grr: false, nps: false, csat: false, frt: true, ttv: null });
  });

  it('renewals due in 30/60/90 days with a health-weighted forecast (churned accounts left out)', () => {
    const v = view(input);
    expect(v.renewals.map(({ days, count, arr }) => ({ days, count, arr }))).toEqual([
      { days: 30, count: 1, arr: 10_000 },
      { days: 60, count: 2, arr: 30_000 },
      { days: 90, count: 3, arr: 35_000 },
    ]);
    const expected90 = 10_000 * 0.95 + 20_000 * 0.7 + 5_000 * 0.4;
    expect(v.renewals[2]!.forecast).toEqual({ ok: true, expectedArr: expected90, expectedPercent: (100 * expected90) / 35_000 });
  });

  it('top at-risk accounts by ARR with score, trend and renewal', () => {
    const v = view(input);
    expect(v.atRisk.map((r) => [r.id, r.score, r.band, r.delta7, r.delta30, r.renewalDate, r.sfId])).toEqual([
      ['r', 60, 'at-risk', -10, -15, '2026-08-14', null],
      ['c', 30, 'critical', 0, null, '2026-09-20', '001Dm0000018OWxIAM'],
    ]);
  });

  it('an override that applies today moves the account to its band; an expired one does not', () => {
    const override = (accountId: string, score: number, expiresOn: string): Override => ({
      accountId, score, reason: 'exec escalation', expiresOn, locked: true, setBy: 'Ana', setAt: 1,
    });
    const v = view(input, { overrides: [override('h', 40, '2026-12-31'), override('r', 95, '2026-06-29')] });
    expect(v.bands.healthy.count).toBe(0);
    expect(v.bands.critical).toEqual({ count: 2, arr: 15_000 });
    expect(v.atRisk[0]).toMatchObject({ id: 'r', score: 60, overridden: false });
    expect(v.atRisk[1]).toMatchObject({ id: 'h', score: 40, computedScore: 85, overridden: true });
  });

  it('"my accounts" are the current user’s, names compared trimmed and case-insensitively; segments narrow further', () => {
    const mine = view(input, { filter: { owner: 'mine', segment: 'all' } });
    expect(mine.accounts).toBe(2);
    expect(mine.arr).toBe(30_000);
    expect(mine.ownerName).toBe('Ana Ruiz');
    expect(reasons(mine).nps).toBe(100); // h 10, r 9
    const mineSmb = view(input, { filter: { owner: 'mine', segment: 'SMB' } });
    expect(mineSmb.accounts).toBe(1);
    expect(mineSmb.churned).toBe(1);
    expect(reasons(mineSmb).frt).toBe(30);
    const teamSmb = view(input, { filter: { owner: 'team', segment: 'SMB' } });
    expect(teamSmb.accounts).toBe(3);
    expect(reasons(teamSmb).nps).toBeCloseTo((100 * (1 - 1)) / 3, 10); // 10, 3, 7
    const midMarket = view(input, { filter: { owner: 'team', segment: 'Mid-Market' } });
    expect(midMarket.accounts).toBe(0);
    expect(midMarket.metrics[0]!.result).toEqual({ ok: false, reason: 'cannot compute: no accounts in this selection' });
  });

  it('"my accounts" without a name set says so', () => {
    const v = view(input, { settings: { ...settings, currentUser: '  ' }, filter: { owner: 'mine', segment: 'all' } });
    expect(v.accounts).toBe(0);
    expect(v.selectionProblem).toMatch(/Your name is not set/);
    expect(v.metrics.every((m) => !m.result.ok && m.result.reason === v.selectionProblem)).toBe(true);
  });

  it('counts demo accounts by their reserved id prefix', () => {
    expect(view({ accounts: [account('demo-acc-000001'), account('real')] }).demoAccounts).toBe(1);
  });
});

describe('remembered filter', () => {
  it('keeps a valid stored filter and falls back to the team view for anything else', () => {
    expect(parseFilter({ owner: 'mine', segment: 'Enterprise' })).toEqual({ owner: 'mine', segment: 'Enterprise' });
    expect(parseFilter({ owner: 'boss', segment: 'all' })).toEqual(DEFAULT_FILTER);
    expect(parseFilter(undefined)).toEqual(DEFAULT_FILTER);
  });
});

describe('time to value', () => {
  it('is the median days to the first success milestone of accounts started in the last year', () => {
    const v = view({
      accounts: [
        account('a', { startDate: '2026-05-01' }),
        account('b', { startDate: '2026-04-01' }),
        account('c', { startDate: '2026-06-20' }), // no milestone yet: waiting
        account('old', { startDate: '2024-01-01' }), // started before the year: not counted
      ],
      milestones: [
        { accountId: 'a', key: 'first-gap-identified', date: '2026-05-04' }, // 3 days
        { accountId: 'a', key: 'first-assessment', date: '2026-05-02' }, // not a success milestone
        { accountId: 'b', key: 'shared-with-team', date: '2026-04-12' }, // 11 days
        { accountId: 'old', key: 'first-gap-identified', date: '2024-01-02' },
      ],
    });
    expect(reasons(v).ttv).toBe(7); // median of 3 and 11
    expect(v.metrics.find((m) => m.definition.key === 'ttv')!.met).toBe(false); // target: below 7 days
  });
});

describe('where an at-risk account opens', () => {
  const panel = 'chrome-extension://abc/panel.html';
  it('in Salesforce when the account has a Salesforce id and the address is set', () => {
    expect(accountHref({ id: 'a', sfId: '001Dm0000018OWxIAM' }, 'https://acme.lightning.force.com', panel)).toBe(
      'https://acme.lightning.force.com/lightning/r/Account/001Dm0000018OWxIAM/view',
    );
  });
  it('on its Sightline page otherwise, the id encoded', () => {
    expect(accountHref({ id: 'sf:a b/c', sfId: '001Dm0000018OWxIAM' }, '', panel)).toBe(`${panel}?account=sf%3Aa%20b%2Fc`);
    expect(accountHref({ id: 'a', sfId: null }, 'https://acme.lightning.force.com', panel)).toBe(`${panel}?account=a`);
  });
  it('only accepts a Salesforce address as the setting', () => {
    expect(SalesforceInstanceUrl.safeParse('https://acme.my.salesforce.com').success).toBe(true);
    expect(SalesforceInstanceUrl.safeParse('').success).toBe(true);
    expect(SalesforceInstanceUrl.safeParse('http://acme.lightning.force.com').success).toBe(false);
    expect(SalesforceInstanceUrl.safeParse('https://evil.example.com').success).toBe(false);
    expect(SalesforceInstanceUrl.safeParse('https://acme.lightning.force.com/path').success).toBe(false);
  });
});
