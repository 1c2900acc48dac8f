/**
 * A scoring rollup must score exactly like the rows it was made from: same score, band, factors, explanations and
 * data issues (in the same order). Raw rows are passed in their tables' key order, as an indexed read returns them.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { assessAccount } from '@/lib/scoring/account-health';
import { addDaysIso } from '@/lib/scoring/dates';
import type { HealthInputs } from '@/lib/scoring/inputs';
import { encodeRollup, encodeRollups, ROLLUP_FORMAT } from '@/lib/scoring/rollup';
import type { Account, Meeting, NpsResponse, Ticket, UsageDay } from '@/lib/schemas/records';
import { ScoringRollup } from '@/lib/schemas/records';
import type { Settings } from '@/lib/schemas/settings';
import { makeAccount, makeMeeting, makeNps, makeSettings, makeTicket, makeUsage, TODAY } from './fixtures';

const inOrder = <T>(rows: readonly T[], key: (row: T) => string | number) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function rawInputs(account: Account, usage: UsageDay[], tickets: Ticket[], nps: NpsResponse[], meetings: Meeting[]): HealthInputs {
  return {
    account,
    usage: inOrder(usage, (r) => r.date),
    tickets: inOrder(tickets, (t) => t.zendeskId),
    nps: inOrder(nps, (r) => r.id),
    meetings: inOrder(meetings, (m) => m.id),
  };
}

function expectSameHealth(inputs: HealthInputs, settings: Settings, today: string): void {
  // Through a structured clone, as IndexedDB stores it.
  const rollup = structuredClone(encodeRollup(inputs.account.id, inputs));
  expect(ScoringRollup.safeParse(rollup).success).toBe(true);
  expect(assessAccount({ account: inputs.account, rollup }, settings, today), inputs.account.id).toEqual(assessAccount(inputs, settings, today));
}

describe('scoring rollups', () => {
  it('score every demo account exactly like its rows, on several days and settings', () => {
    const portfolio = generateDemoPortfolio({ seed: 11, today: '2026-11-22', accounts: 300 });
    const rollups = encodeRollups(portfolio.accounts.map((a) => a.id), portfolio);
    expect(rollups).toHaveLength(300);
    // The demo's rows fit the columns: the fast path is the one compared.
    expect(rollups.filter((r) => r.usageRows !== undefined || r.meetingRows !== undefined)).toEqual([]);
    // The columns start with the row counts (usage, tickets, NPS, meetings).
    expect(rollups.reduce((n, r) => n + r.columns[0]!, 0)).toBe(portfolio.usage.length);
    expect(rollups.reduce((n, r) => n + r.columns[1]!, 0)).toBe(portfolio.tickets.filter((t) => t.accountId).length);
    expect(rollups.reduce((n, r) => n + r.columns[2]!, 0)).toBe(portfolio.nps.length);
    expect(rollups.reduce((n, r) => n + r.columns[3]!, 0)).toBe(portfolio.meetings.length);

    const byId = new Map(rollups.map((r) => [r.accountId, structuredClone(r)]));
    const rowsOf = <T extends { accountId?: string | undefined }>(rows: readonly T[], id: string) => rows.filter((r) => r.accountId === id);
    const settingsList = [makeSettings(), makeSettings({ windowDays: 7, staleAfterDays: 3 })];
    // Today, a month ago (later rows are in the future), and after the data (everything is old).
    const days = ['2026-11-22', addDaysIso('2026-11-22', -30), addDaysIso('2026-11-22', 50)];
    let scored = 0;
    let withIssues = 0;
    for (const account of portfolio.accounts) {
      const raw = rawInputs(account, rowsOf(portfolio.usage, account.id), rowsOf(portfolio.tickets, account.id), rowsOf(portfolio.nps, account.id), rowsOf(portfolio.meetings, account.id));
      for (const settings of settingsList) {
        for (const today of days) {
          const expected = assessAccount(raw, settings, today);
          expect(assessAccount({ account, rollup: byId.get(account.id)! }, settings, today), `${account.id} ${today}`).toEqual(expected);
          if (expected.computedScore !== null) scored++;
          if (expected.issues.length > 0) withIssues++;
        }
      }
    }
    expect(scored).toBeGreaterThan(1000);
    expect(withIssues).toBeGreaterThan(100);
  });

  it('keep broken usage rows exactly, so their data issues and cleaning stay the same', () => {
    const usage = [
      makeUsage('2025-06-10', { logins: Number.NaN, assessments: -3, reports: 4.5 }),
      makeUsage('2025-06-11', { logins: 60, featuresUsed: Number.POSITIVE_INFINITY, usersInvited: -2 }),
      makeUsage('2025-02-30', { logins: 5 }),
      makeUsage('garbage', { logins: 5 }),
      makeUsage('2025-07-01', { logins: 9 }),
      makeUsage('2023-05-01', { logins: 9 }),
    ];
    const inputs = rawInputs(makeAccount(), usage, [], [], []);
    const rollup = encodeRollup('acc-1', inputs);
    expect(rollup.usageRows).toHaveLength(6);
    expect(rollup.columns[0]).toBe(0);
    const health = assessAccount(inputs, makeSettings(), TODAY);
    // Key order: 2023-05-01, 2025-02-30, 2025-06-10, 2025-06-11, 2025-07-01, garbage. 4.5 reports is not an issue.
    expect(health.issues.map((i) => `${i.field}: ${i.problem}`)).toEqual([
      "usage.date: dated before the account's start: row ignored",
      'usage.date: not a valid date: row ignored (2 rows)',
      'usage.logins: negative or not a number: counted as 0',
      'usage.assessments: negative or not a number: counted as 0',
      'usage.featuresUsed: negative or not a number: counted as 0',
      'usage.date: dated after today: row ignored',
      'usage.usersInvited: negative or not a number on the newest row: counted as 0',
    ]);
    expectSameHealth(inputs, makeSettings(), TODAY);
  });

  it('give the same issues for clean rows before the start, after today, and with a broken account', () => {
    const usage = [makeUsage('2023-12-01', { logins: 3 }), makeUsage('2025-06-01', { logins: 30, usersInvited: 4, featuresUsed: 3 }), makeUsage('2025-06-20', { logins: 1 }), makeUsage('2025-06-21')];
    const tickets = [
      makeTicket('2025-06-01', { satisfaction: 'good' }),
      makeTicket('2025-06-02', { satisfaction: 'bad' }),
      makeTicket('2025-06-03', { satisfaction: 'offered' }),
      makeTicket('2025-06-30'),
      makeTicket('2023-01-01'),
      makeTicket('2025-06-04', { createdAt: Number.NaN }),
      makeTicket('2025-06-04', { createdAt: '1749000000000' as unknown as number }),
      makeTicket('2025-06-04', { createdAt: -5 }),
      makeTicket('2025-06-04', { createdAt: 9e15 }),
      makeTicket('2025-06-05', { satisfaction: 'great' as Ticket['satisfaction'] }),
    ];
    const nps = [
      makeNps('2025-05-01', 9, 'a'),
      makeNps('2025-06-01', 11, 'b'),
      makeNps('2025-06-02', Number.NaN, 'c'),
      makeNps('2025-06-03', '7' as unknown as number, 'd'),
      makeNps('2025-13-01', 5, 'e'),
      makeNps(20250601 as unknown as string, 5, 'f'),
      makeNps('2025-07-01', 2, 'g'),
      makeNps('2025-06-03', 6.5, 'h'),
    ];
    const meetings = [
      makeMeeting('2025-06-01', { type: 'ebr', attended: true, responseDays: 2 }),
      makeMeeting('2025-06-02', { attended: false, responseDays: null }),
      makeMeeting('2025-06-03', { responseDays: -1 }),
      makeMeeting('2025-06-04', { responseDays: Number.NaN }),
      makeMeeting('2025-06-05', { type: 'exec-sponsor', responseDays: 12 }),
      makeMeeting('2025-07-05'),
      makeMeeting('2023-07-05'),
      makeMeeting('not-a-date'),
    ];
    const settings = makeSettings();
    for (const account of [
      makeAccount(),
      makeAccount({ startDate: '2025-06-10' }),
      makeAccount({ startDate: '2025-07-01' }),
      makeAccount({ startDate: 'soon' }),
      makeAccount({ plan: undefined, seats: 0, segment: 'Tiny' as Account['segment'] }),
    ]) {
      const inputs = rawInputs(account, usage, tickets, nps, meetings);
      expect(encodeRollup(account.id, inputs).usageRows).toBeUndefined();
      expect(encodeRollup(account.id, inputs).meetingRows).toBeUndefined();
      expect(assessAccount(inputs, settings, TODAY).issues.length).toBeGreaterThan(5);
      expectSameHealth(inputs, settings, TODAY);
      expectSameHealth(inputs, makeSettings({ windowDays: 90 }), TODAY);
    }
  });

  it('keep meetings the columns cannot stand for exactly, and score odd ones alike', () => {
    const odd = [
      makeMeeting('2025-06-01', { type: 'dinner' as Meeting['type'], responseDays: 1 }),
      makeMeeting('2025-06-03', { attended: 'yes' as unknown as boolean, type: 'ebr' }),
      makeMeeting('2025-06-04', { attended: 0 as unknown as boolean, type: 'exec-sponsor' }),
    ];
    const columnar = rawInputs(makeAccount(), [], [], [], odd);
    expect(encodeRollup('acc-1', columnar).meetingRows).toBeUndefined();
    expectSameHealth(columnar, makeSettings(), TODAY);

    const kept = rawInputs(makeAccount(), [], [], [], [...odd, makeMeeting('2025-06-02', { responseDays: '3' as unknown as number })]);
    expect(encodeRollup('acc-1', kept).meetingRows).toHaveLength(4);
    expectSameHealth(kept, makeSettings(), TODAY);
  });

  it('record the format, and hold no account fields', () => {
    const rollup = encodeRollup('acc-9', { usage: [makeUsage('2025-06-01')], tickets: [], nps: [], meetings: [] });
    expect(rollup.format).toBe(ROLLUP_FORMAT);
    expect(Object.keys(rollup).sort()).toEqual(['accountId', 'columns', 'format']);
    // Counts, then the usage columns: day, logins, assessments, reports, featuresUsed, usersInvited.
    expect(Array.from(rollup.columns)).toEqual([1, 0, 0, 0, Date.UTC(2025, 5, 1) / 86_400_000, 0, 0, 0, 0, 0]);
  });
});
