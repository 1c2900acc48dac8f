import { describe, expect, it } from 'vitest';
import type { SightlineDatabase } from '@/lib/db/database';
import { DEMO_HISTORY_DAYS_AGO } from '@/lib/db/demo-history';
import { clearDemoData, loadDemoData } from '@/lib/db/demo-loader';
import { rescoreAll } from '@/lib/db/rescore';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import type { Account, HealthSnapshot } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { assessAccount } from '@/lib/scoring/account-health';
import { addDaysIso } from '@/lib/scoring/dates';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2025-06-15';
const LOADED_AT = Date.UTC(2025, 5, 15, 9);
const portfolio = generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 40 });

const realAccount: Account = {
  id: 'sf:001000000000001AAA', name: 'Real Customer Inc', domains: ['realcustomer.com'], arr: 50_000, startDate: '2024-01-01', status: 'active',
};

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

const scoreIn = (snapshot: HealthSnapshot | undefined, accountId: string) => snapshot?.scores[snapshot.accountIds.indexOf(accountId)];

describe('demo health history', () => {
  it('stores snapshots for 30 and 7 days ago, yesterday and today, every demo account in each', async () => {
    await loadDemoData(db, portfolio, { now: () => LOADED_AT, settings: DEFAULT_SETTINGS });
    const snapshots = await db.snapshots.orderBy('date').toArray();
    expect(DEMO_HISTORY_DAYS_AGO).toEqual([30, 7, 1, 0]);
    expect(snapshots.map((s) => s.date)).toEqual(['2025-05-16', '2025-06-08', '2025-06-14', '2025-06-15']);
    for (const snapshot of snapshots) {
      expect(snapshot.accountIds).toEqual(portfolio.accounts.map((a) => a.id));
      expect(snapshot.scores).toHaveLength(portfolio.accounts.length);
      expect(snapshot.computedAt).toBe(LOADED_AT);
    }
  });

  it("holds, for a chosen account and day, the engine's score on the rows that existed that day", async () => {
    await loadDemoData(db, portfolio, { settings: DEFAULT_SETTINGS });
    const day = addDaysIso(TODAY, -7);
    // Independently: only the rows dated up to that day, picked here, scored by the engine.
    const ticketDayEnd = Date.parse(`${addDaysIso(day, 1)}T00:00:00Z`);
    const asOf = (account: Account, date: string, until: number) =>
      assessAccount(
        {
          account,
          usage: portfolio.usage.filter((u) => u.accountId === account.id && u.date <= date),
          tickets: portfolio.tickets.filter((t) => t.accountId === account.id && t.createdAt < until),
          nps: portfolio.nps.filter((n) => n.accountId === account.id && n.date <= date),
          meetings: portfolio.meetings.filter((m) => m.accountId === account.id && m.date <= date),
        },
        DEFAULT_SETTINGS,
        date,
      ).computedScore;
    // An account whose score that day differs from today's, so a snapshot copied from today would fail here.
    const todayEnd = Date.parse(`${addDaysIso(TODAY, 1)}T00:00:00Z`);
    const account = portfolio.accounts.find((a) => {
      const then = asOf(a, day, ticketDayEnd);
      return then !== null && then !== asOf(a, TODAY, todayEnd);
    })!;
    expect(account).toBeDefined();
    expect(scoreIn(await db.snapshots.get(day), account.id)).toBe(asOf(account, day, ticketDayEnd));
    expect(scoreIn(await db.snapshots.get(TODAY), account.id)).toBe(asOf(account, TODAY, todayEnd));
  });

  it('equals what rescoring computes from the database as of the same days', async () => {
    await loadDemoData(db, portfolio, { settings: DEFAULT_SETTINGS });
    for (const daysAgo of [30, 7, 1, 0]) {
      const day = addDaysIso(TODAY, -daysAgo);
      const backfilled = (await db.snapshots.get(day))!;
      await rescoreAll(db, DEFAULT_SETTINGS, day, { restart: true });
      const rescored = (await db.snapshots.get(day))!;
      expect(backfilled.accountIds).toEqual(rescored.accountIds);
      expect(backfilled.scores).toEqual(rescored.scores);
    }
  });

  it('gives scores that move over the month, so trends have something to show', async () => {
    await loadDemoData(db, portfolio, { settings: DEFAULT_SETTINGS });
    const [monthAgo, today] = [await db.snapshots.get(addDaysIso(TODAY, -30)), await db.snapshots.get(TODAY)];
    const changed = portfolio.accounts.filter((a) => scoreIn(monthAgo, a.id) !== scoreIn(today, a.id));
    expect(changed.length).toBeGreaterThan(0);
    expect(today!.scores.filter((s) => s >= 0).length).toBeGreaterThan(portfolio.accounts.length / 2);
  });

  it('gives trends that follow the intended health: flat overall, falling for the accounts meant to be critical', async () => {
    const larger = generateDemoPortfolio({ seed: 42, today: TODAY, accounts: 300 });
    await loadDemoData(db, larger, { settings: DEFAULT_SETTINGS });
    const [monthAgo, today] = [await db.snapshots.get(addDaysIso(TODAY, -30)), await db.snapshots.get(TODAY)];
    const deltas = new Map<string, number>();
    for (const account of larger.accounts) {
      const [before, now] = [scoreIn(monthAgo, account.id), scoreIn(today, account.id)];
      if (before !== undefined && now !== undefined && before >= 0 && now >= 0) deltas.set(account.id, now - before);
    }
    const sorted = [...deltas.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    // A month's window needs a month of usage before it: with too short a history the past scores low and
    // every account looks like it is recovering.
    expect(Math.abs(median)).toBeLessThanOrEqual(5);
    const critical = larger.latent.filter((l) => l.band === 'critical' && deltas.has(l.accountId));
    const meanCriticalDelta = critical.reduce((sum, l) => sum + (deltas.get(l.accountId) ?? 0), 0) / critical.length;
    expect(critical.length).toBeGreaterThan(10);
    expect(meanCriticalDelta).toBeLessThan(0);
  });

  it("keeps the team's own scores in the days it fills, and removing the demo takes only its own days away", async () => {
    await db.accounts.put(realAccount);
    const own: HealthSnapshot = { date: addDaysIso(TODAY, -7), computedAt: 1, accountIds: [realAccount.id], scores: [77] };
    await db.snapshots.put(own);
    await loadDemoData(db, portfolio, { settings: DEFAULT_SETTINGS });
    const merged = (await db.snapshots.get(own.date))!;
    expect(scoreIn(merged, realAccount.id)).toBe(77);
    expect(merged.accountIds).toHaveLength(portfolio.accounts.length + 1);

    await clearDemoData(db);
    expect(await db.snapshots.toArray()).toEqual([{ ...own, computedAt: merged.computedAt }]);
  });

  it('reads the stored settings when none are passed', async () => {
    const settings = { ...DEFAULT_SETTINGS, weights: { usage: 70, engagement: 10, adoption: 10, relationship: 10 } };
    await db.settings.put({ key: 'settings', value: settings });
    await loadDemoData(db, portfolio);
    const account = portfolio.accounts.find((a) => a.status === 'active')!;
    const stored = scoreIn(await db.snapshots.get(TODAY), account.id);
    const inputs = {
      account,
      usage: portfolio.usage.filter((u) => u.accountId === account.id),
      tickets: portfolio.tickets.filter((t) => t.accountId === account.id),
      nps: portfolio.nps.filter((n) => n.accountId === account.id),
      meetings: portfolio.meetings.filter((m) => m.accountId === account.id),
    };
    expect(stored).toBe(assessAccount(inputs, settings, TODAY).computedScore ?? -1);
    expect(stored).not.toBe(assessAccount(inputs, DEFAULT_SETTINGS, TODAY).computedScore ?? -1);
  });
});
