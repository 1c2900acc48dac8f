import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGED_ALARM, DAILY_ALARM, DIGEST_ALARM, scheduleRescore, setupRescoring } from '@/entrypoints/background/rescoring';
import { loadAccountInputs } from '@/lib/db/account-inputs';
import type { SightlineDatabase } from '@/lib/db/database';
import { readPortfolioDigest } from '@/lib/db/portfolio-digest';
import { RESCORE_LAST_KEY, RESCORE_PROGRESS_KEY, rescoreAll, rescoreDue } from '@/lib/db/rescore';
import { refreshRollups } from '@/lib/db/scoring-rollups';
import { saveSettings } from '@/lib/db/settings';
import { recordSeenTicket } from '@/lib/db/tickets';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import { assessAccount } from '@/lib/scoring/account-health';
import { ROLLUP_FORMAT } from '@/lib/scoring/rollup';
import { addDaysIso, localDay } from '@/lib/scoring/dates';
import type { Account, Override, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2025-06-15';
const settings: Settings = DEFAULT_SETTINGS;

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

function account(id: string, fields: Partial<Account> = {}): Account {
  return { id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', plan: 'Starter', seats: 5, ...fields };
}

function usage(accountId: string, date: string, fields: Partial<UsageDay> = {}): UsageDay {
  return { accountId, date, logins: 0, assessments: 0, reports: 0, activeUsers: 0, usersInvited: 0, featuresUsed: 0, ...fields };
}

/**
 * Starter plan, 5 seats: expected per 30 days 8 × 5 = 40 logins, 2 assessments, 2 reports; 10 features.
 * Usage only (no tickets, NPS or meetings): the score is (40 × usage + 20 × adoption) / 60.
 */
async function seedFive(): Promise<void> {
  await db.accounts.bulkPut([account('a1'), account('a2'), account('a3'), account('a4'), account('a5')]);
  await db.usage.bulkPut([
    // a1: 40/40, 2/2, 2/2 → usage 100; invited 5/5, features 10/10 → adoption 100 → 100.
    usage('a1', '2025-06-14', { logins: 40, assessments: 2, reports: 2, usersInvited: 5, featuresUsed: 10 }),
    // a2: 20/40, 1/2, 1/2 → 50; invited 5/5 → 100, features 5/10 → 50 → adoption 75 → (2000 + 1500) / 60 = 58.33 → 58.
    usage('a2', '2025-06-01', { logins: 20, assessments: 1, reports: 1, usersInvited: 5, featuresUsed: 5 }),
    // a3: only a row from before the window: usage 0, features 0, invited 5/5 → adoption 50 → 1000 / 60 = 16.67 → 17.
    usage('a3', '2025-01-10', { logins: 999, assessments: 9, reports: 9, usersInvited: 5, featuresUsed: 10 }),
    // a4: no data at all → unknown (-1). a5: a row dated after today only → unknown too.
    usage('a5', '2025-07-01', { logins: 40 }),
  ]);
  // As every write path does (lib/db/scoring-rollups.ts).
  await refreshRollups(db, ['a1', 'a2', 'a3', 'a4', 'a5']);
}

describe('rescoreAll', () => {
  it('writes one snapshot with every account’s computed score, in id order, -1 for no data', async () => {
    await seedFive();
    const result = await rescoreAll(db, settings, TODAY, { now: () => 1234 });
    expect(await db.snapshots.toArray()).toEqual([
      { date: TODAY, computedAt: 1234, accountIds: ['a1', 'a2', 'a3', 'a4', 'a5'], scores: [100, 58, 17, -1, -1] },
    ]);
    expect(result).toMatchObject({ date: TODAY, accounts: 5, scored: 3, unknown: 2, resumedFrom: 0, batches: 1 });
    expect(result.ms.total).toBeGreaterThanOrEqual(result.ms.read);
    expect(await db.meta.get(RESCORE_PROGRESS_KEY)).toBeUndefined();
    expect((await db.meta.get(RESCORE_LAST_KEY))?.value).toMatchObject({ date: TODAY, accounts: 5 });
  });

  it('replaces the day’s snapshot when run twice, never duplicates it', async () => {
    await seedFive();
    await rescoreAll(db, settings, TODAY, { now: () => 1 });
    await db.usage.put(usage('a4', '2025-06-10', { logins: 40, assessments: 2, reports: 2, usersInvited: 5, featuresUsed: 10 }));
    await refreshRollups(db, ['a4']);
    await rescoreAll(db, settings, TODAY, { now: () => 2 });
    const snapshots = await db.snapshots.toArray();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ computedAt: 2, scores: [100, 58, 17, 100, -1] });
    await rescoreAll(db, settings, '2025-06-16');
    expect(await db.snapshots.count()).toBe(2);
  });

  it('works in batches, reading rollups once per batch and no input rows, and reports progress', async () => {
    await seedFive();
    const rollupReads = vi.spyOn(db.scoringRollups, 'where');
    const rowReads = [db.usage, db.tickets, db.nps, db.meetings].map((table) => vi.spyOn(table, 'where'));
    const progress: number[] = [];
    const result = await rescoreAll(db, settings, TODAY, { batchSize: 2, commitEveryMs: 0, onProgress: (p) => progress.push(p.done) });
    expect(result.batches).toBe(3);
    expect(progress).toEqual([2, 4, 5]);
    // One range read per batch, and the one that finds nothing more.
    expect(rollupReads).toHaveBeenCalledTimes(4);
    for (const spy of rowReads) expect(spy).not.toHaveBeenCalled();
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, 17, -1, -1]);
  });

  it('commits progress only once enough work has passed: a short run writes once, at the end', async () => {
    await seedFive();
    const writes = vi.spyOn(db, 'transaction');
    const progress: number[] = [];
    const result = await rescoreAll(db, settings, TODAY, { batchSize: 1, onProgress: (p) => progress.push(p.done) });
    expect(result.batches).toBe(5);
    // Five batches scored, one readwrite transaction: the snapshot with every score.
    expect(writes.mock.calls.filter(([mode]) => mode === 'rw')).toHaveLength(1);
    expect(progress).toEqual([5]);
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, 17, -1, -1]);
    expect(await db.meta.get(RESCORE_PROGRESS_KEY)).toBeUndefined();
    expect((await db.meta.get(RESCORE_LAST_KEY))?.value).toMatchObject({ date: TODAY, accounts: 5, batches: 5 });
  });

  it('resumes after the worker dies mid-run, keeping the batches already committed', async () => {
    await seedFive();
    // The worker "dies" right after the first batch (a1, a2) committed.
    await expect(
      rescoreAll(db, settings, TODAY, {
        batchSize: 2,
        commitEveryMs: 0,
        onProgress: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(await db.snapshots.count()).toBe(0);
    expect(await rescoreDue(db, settings, TODAY)).toBe(true);
    expect((await db.meta.get(RESCORE_PROGRESS_KEY))?.value).toMatchObject({ date: TODAY, lastAccountId: 'a2', done: 2, chunks: 1 });

    // a1's data changes meanwhile: the resumed run does not score a1 again.
    await db.usage.clear();
    await refreshRollups(db, ['a1', 'a2', 'a3', 'a4', 'a5']);
    const result = await rescoreAll(db, settings, TODAY, { batchSize: 2 });
    expect(result).toMatchObject({ resumedFrom: 2, batches: 2, accounts: 5 });
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, -1, -1, -1]);
    expect(await db.meta.where('key').startsWith('rescore:chunk:').count()).toBe(0);
    expect(await rescoreDue(db, settings, TODAY)).toBe(false);
    // Under other settings (saved while the worker slept, say), today's snapshot is due again.
    expect(await rescoreDue(db, { ...settings, weights: { ...settings.weights, usage: 35, engagement: 30 } }, TODAY)).toBe(true);
  });

  it('starts over instead of resuming when asked, on another day, or with other weights', async () => {
    await seedFive();
    const die = () => {
      throw new Error('killed');
    };
    const interrupted = () => rescoreAll(db, settings, TODAY, { batchSize: 2, commitEveryMs: 0, onProgress: die }).catch(() => undefined);

    await interrupted();
    expect(await rescoreAll(db, settings, TODAY, { batchSize: 2, restart: true })).toMatchObject({ resumedFrom: 0, batches: 3 });

    await interrupted();
    expect(await rescoreAll(db, settings, '2025-06-16', { batchSize: 2 })).toMatchObject({ resumedFrom: 0 });

    await interrupted();
    const weights = { usage: 100, engagement: 0, adoption: 0, relationship: 0 };
    const result = await rescoreAll(db, { ...settings, weights }, TODAY, { batchSize: 2 });
    expect(result.resumedFrom).toBe(0);
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 50, 0, -1, -1]);
    expect(await db.meta.where('key').startsWith('rescore:').toArray()).toEqual([expect.objectContaining({ key: RESCORE_LAST_KEY })]);
  });

  it('drops unlocked overrides whose computed band changed, keeps locked ones, records the band where missing', async () => {
    await seedFive();
    const base = { score: 90, reason: 'r', expiresOn: '2025-12-31', setBy: 'Ana', setAt: 1 };
    const overrides: Override[] = [
      { ...base, accountId: 'a1', locked: false, computedBandAtSet: 'critical' }, // now healthy: lapses
      { ...base, accountId: 'a2', locked: true, computedBandAtSet: 'critical' }, // locked: stays
      { ...base, accountId: 'a3', locked: false }, // no band recorded: gets 'critical'
      { ...base, accountId: 'a4', locked: false, computedBandAtSet: 'healthy', expiresOn: '2025-01-01' }, // expired: left alone
    ];
    await db.overrides.bulkPut(overrides);
    const result = await rescoreAll(db, settings, TODAY);
    expect(result).toMatchObject({ overridesDropped: 1, overridesStamped: 1 });
    expect((await db.overrides.toArray()).map((o) => [o.accountId, o.computedBandAtSet])).toEqual([
      ['a2', 'critical'],
      ['a3', 'critical'],
      ['a4', 'healthy'],
    ]);
    // Snapshots keep computed scores, overrides or not.
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, 17, -1, -1]);
  });

  it('gives every account the same score as the single-account path (demo portfolio)', async () => {
    const demo = generateDemoPortfolio({ seed: 7, today: TODAY, accounts: 60 });
    await db.transaction('rw', [db.accounts, db.usage, db.tickets, db.nps, db.meetings, db.milestones], async () => {
      await db.accounts.bulkPut(demo.accounts);
      await db.usage.bulkPut(demo.usage);
      await db.tickets.bulkPut(demo.tickets);
      await db.nps.bulkPut(demo.nps);
      await db.meetings.bulkPut(demo.meetings);
      await db.milestones.bulkPut(demo.milestones);
    });
    await rescoreAll(db, settings, TODAY, { batchSize: 7 });
    const snapshot = await db.snapshots.get(TODAY);
    expect(snapshot?.accountIds).toHaveLength(60);
    let scored = 0;
    for (const [i, id] of (snapshot?.accountIds ?? []).entries()) {
      const inputs = await loadAccountInputs(db, id, TODAY);
      const single = inputs ? assessAccount(inputs, settings, TODAY).computedScore : null;
      expect(snapshot?.scores[i], id).toBe(single ?? -1);
      if (single !== null) scored++;
    }
    expect(scored).toBeGreaterThan(40);
  });

  it('rebuilds a missing or outdated rollup from the rows, and stores it', async () => {
    await seedFive();
    await db.scoringRollups.delete('a1');
    // An older format with wrong content (no usage): must not be trusted.
    const empty = (await db.scoringRollups.get('a4'))!;
    await db.scoringRollups.put({ ...empty, accountId: 'a2', format: ROLLUP_FORMAT - 1 });
    expect((await rescoreAll(db, settings, TODAY)).scored).toBe(3);
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, 17, -1, -1]);
    const stored = await db.scoringRollups.bulkGet(['a1', 'a2']);
    // columns[0]: usage rows held.
    expect(stored.map((r) => [r?.format, r?.columns[0]])).toEqual([[ROLLUP_FORMAT, 1], [ROLLUP_FORMAT, 1]]);
  });

  it('scores accounts added after the run started when they sort after the planned batches', async () => {
    await seedFive();
    let added = false;
    // One account per batch: the last batch (a5 and after) is read only once the third one is scored.
    const result = await rescoreAll(db, settings, TODAY, {
      batchSize: 1,
      commitEveryMs: 0,
      onProgress: () => {
        if (added) return;
        added = true;
        // After the first batch: a6 sorts after every planned id; a6's data gives it 100 (as a1).
        void db.transaction('rw', [db.accounts, db.usage, db.tickets, db.nps, db.meetings, db.scoringRollups], async () => {
          await db.accounts.put(account('a6'));
          await db.usage.put(usage('a6', '2025-06-14', { logins: 40, assessments: 2, reports: 2, usersInvited: 5, featuresUsed: 10 }));
          await refreshRollups(db, ['a6']);
        });
      },
    });
    expect(result.accounts).toBe(6);
    expect(await db.snapshots.get(TODAY)).toMatchObject({ accountIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], scores: [100, 58, 17, -1, -1, 100] });
  });

  it('rebuilds a missing rollup in any batch, not only the first', async () => {
    await seedFive();
    await db.scoringRollups.bulkDelete(['a3', 'a5']);
    await rescoreAll(db, settings, TODAY, { batchSize: 2 });
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, 17, -1, -1]);
    expect(await db.scoringRollups.count()).toBe(5);
  });

  it('finds each batch’s rollups when rollups without an account sit between them', async () => {
    await seedFive();
    // Left behind by accounts that are gone: they sort between a1 and a2, and between a2 and a3.
    const stray = (await db.scoringRollups.get('a1'))!;
    await db.scoringRollups.bulkPut([{ ...stray, accountId: 'a1-gone' }, { ...stray, accountId: 'a2-gone' }]);
    const rowReads = [db.usage, db.tickets, db.nps, db.meetings].map((table) => vi.spyOn(table, 'where'));
    await rescoreAll(db, settings, TODAY, { batchSize: 2 });
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100, 58, 17, -1, -1]);
    // Every account's rollup was found, none rebuilt from rows.
    for (const spy of rowReads) expect(spy).not.toHaveBeenCalled();
  });

  it('rejects an invalid day, batch size or commit interval', async () => {
    await expect(rescoreAll(db, settings, '2025-6-15')).rejects.toThrow(/today/);
    await expect(rescoreAll(db, settings, TODAY, { batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(rescoreAll(db, settings, TODAY, { commitEveryMs: -1 })).rejects.toThrow(/commitEveryMs/);
    await expect(rescoreAll(db, settings, TODAY, { commitEveryMs: Number.NaN })).rejects.toThrow(/commitEveryMs/);
  });

  it('scores an empty portfolio as an empty snapshot', async () => {
    expect(await rescoreAll(db, settings, TODAY)).toMatchObject({ accounts: 0, batches: 0 });
    expect(await db.snapshots.get(TODAY)).toMatchObject({ accountIds: [], scores: [] });
  });
});

describe('background wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('rescores at start, keeps a daily alarm, and schedules a run after input data changes', async () => {
    const today = localDay(new Date());
    await db.accounts.put(account('a1'));
    await db.usage.put(usage('a1', addDaysIso(today, -1), { logins: 40, assessments: 2, reports: 2, usersInvited: 5, featuresUsed: 10 }));

    setupRescoring(db);
    // Runs are queued one after another: the daily one finds the start run's snapshot and does nothing.
    expect(await scheduleRescore(db, 'daily')).toBeNull();
    expect(await db.snapshots.get(today)).toMatchObject({ accountIds: ['a1'], scores: [100] });
    expect(await fakeBrowser.alarms.get(DAILY_ALARM)).toMatchObject({ periodInMinutes: 1440 });

    await db.usage.put(usage('a1', addDaysIso(today, -2), { logins: 1 }));
    await refreshRollups(db, ['a1']);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHANGED_ALARM)).toBeDefined());

    await db.usage.clear();
    await refreshRollups(db, ['a1']);
    await fakeBrowser.alarms.onAlarm.trigger({ name: CHANGED_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await db.snapshots.get(today))?.scores).toEqual([-1]));
  });

  describe('after a change that names its accounts', () => {
    const ticket = (zendeskId: number) => ({
      zendeskId, subject: 'Exports fail', requesterEmail: 'ana@a1.example', organizationId: '360001',
      createdAt: Date.now() - 2 * 86_400_000, firstReplyMinutes: 600, status: 'open' as const, priority: 'urgent' as const, satisfaction: 'bad' as const,
    });
    const lastFullRun = async () => (await db.meta.get(RESCORE_LAST_KEY))?.value as { finishedAt: number } | undefined;
    /** As Chrome does: the alarm is removed, then its listeners are called. */
    async function fireChangeAlarm(): Promise<void> {
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHANGED_ALARM)).toBeDefined());
      const alarm = (await fakeBrowser.alarms.get(CHANGED_ALARM))!;
      await fakeBrowser.alarms.clear(CHANGED_ALARM);
      await fakeBrowser.alarms.onAlarm.trigger(alarm);
    }

    beforeEach(async () => {
      const today = localDay(new Date());
      const row = { logins: 40, assessments: 2, reports: 2, usersInvited: 5, featuresUsed: 10 };
      await db.accounts.bulkPut([account('a1'), account('a2')]);
      await db.usage.bulkPut([usage('a1', addDaysIso(today, -1), row), usage('a2', addDaysIso(today, -1), row)]);
      await refreshRollups(db, ['a1', 'a2']);
    });

    it('rescores only those accounts, into today’s snapshot, with the scores a full run gives', async () => {
      const today = localDay(new Date());
      setupRescoring(db);
      await scheduleRescore(db, 'daily'); // behind the start run, which rescores everything
      const full = await lastFullRun();
      expect(await db.snapshots.get(today)).toMatchObject({ accountIds: ['a1', 'a2'], scores: [100, 100] });

      expect(await recordSeenTicket(db, { accountId: 'a1', ticket: ticket(5) })).toBe(true);
      await fireChangeAlarm();
      expect(await scheduleRescore(db, 'daily')).toBeNull(); // queued behind the run the alarm started
      const patched = await db.snapshots.get(today);
      expect(patched?.scores[1]).toBe(100);
      expect(patched?.scores[0]).toBeLessThan(100); // an urgent ticket, answered late, rated bad
      expect(await lastFullRun()).toEqual(full);

      await rescoreAll(db, settings, today, { restart: true });
      expect((await db.snapshots.get(today))?.scores).toEqual(patched?.scores);
    });

    it('rescores everything when the worker starts with a change alarm an earlier worker set', async () => {
      await fakeBrowser.alarms.create(CHANGED_ALARM, { delayInMinutes: 0.5 });
      await rescoreAll(db, settings, localDay(new Date()));
      const full = await lastFullRun();
      setupRescoring(db);
      await fakeBrowser.alarms.onAlarm.trigger({ name: CHANGED_ALARM, scheduledTime: Date.now() });
      await scheduleRescore(db, 'daily');
      expect((await lastFullRun())?.finishedAt).toBeGreaterThan(full!.finishedAt - 1);
      expect(await lastFullRun()).not.toEqual(full);
    });

    it('rescores everything when the change alarm an earlier worker set wakes this one', async () => {
      setupRescoring(db);
      await scheduleRescore(db, 'daily');
      const full = await lastFullRun();
      // Set for a change 5 s before this worker started (so it was not pending when the worker looked).
      await fakeBrowser.alarms.onAlarm.trigger({ name: CHANGED_ALARM, scheduledTime: Date.now() - 5000 + 30_000 });
      await scheduleRescore(db, 'daily');
      expect(await lastFullRun()).not.toEqual(full);
    });

    it('leaves a digest alarm for a milestone change made before a targeted run to evaluate every account', async () => {
      setupRescoring(db);
      await scheduleRescore(db, 'daily');
      await db.milestones.put({ accountId: 'a2', key: 'welcome-sent', date: localDay(new Date()) });
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined());
      const digestAlarm = (await fakeBrowser.alarms.get(DIGEST_ALARM))!;
      await recordSeenTicket(db, { accountId: 'a1', ticket: ticket(6) });
      await fireChangeAlarm();
      await scheduleRescore(db, 'daily');
      const afterTargeted = (await readPortfolioDigest(db))!.builtAt;

      await fakeBrowser.alarms.onAlarm.trigger(digestAlarm);
      await scheduleRescore(db, 'daily');
      // Not skipped as covered by the targeted run, which evaluated a1's triggers only.
      expect((await readPortfolioDigest(db))!.builtAt).toBeGreaterThan(afterTargeted);
    });

    it('rescores everything after a settings change', async () => {
      setupRescoring(db);
      await scheduleRescore(db, 'daily');
      const full = await lastFullRun();
      await saveSettings(db, { ...DEFAULT_SETTINGS, currentUser: 'sam@example.com' });
      await fireChangeAlarm();
      await scheduleRescore(db, 'daily');
      expect(await lastFullRun()).not.toEqual(full);
    });
  });

  it('does not react to its own writes', async () => {
    setupRescoring(db);
    await scheduleRescore(db, 'daily');
    await db.snapshots.put({ date: '2020-01-01', computedAt: 0, accountIds: [], scores: [] });
    await db.meta.put({ key: 'x', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fakeBrowser.alarms.get(CHANGED_ALARM)).toBeUndefined();
  });
});
