import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGED_ALARM, DIGEST_ALARM, scheduleRescore, setupRescoring } from '@/entrypoints/background/rescoring';
import type { SightlineDatabase } from '@/lib/db/database';
import { POPUP_VIEWS_KEY } from '@/lib/db/popup-view';
import { readPortfolioDigest } from '@/lib/db/portfolio-digest';
import { popupInputsKey } from '@/lib/portfolio/popup-view-cache';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { addDaysIso, localDay } from '@/lib/scoring/dates';
import { useTestDatabase } from '../support/test-database';

let db: SightlineDatabase;

useTestDatabase((fresh) => {
  db = fresh;
});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('changes only the digest reads', () => {
  it('rebuild the digest on their own alarm without rescoring the portfolio', async () => {
    const today = localDay(new Date());
    await db.accounts.put({ id: 'a1', name: 'Acme', domains: [], arr: 1000, startDate: '2024-01-01', status: 'active' });
    setupRescoring(db);
    await scheduleRescore(db, 'daily'); // queued behind the start run, which writes today's snapshot
    const snapshot = await db.snapshots.get(today);
    expect(snapshot).toBeDefined();
    const before = await readPortfolioDigest(db);

    await db.opportunities.put({ id: 'o1', accountId: 'a1', type: 'renewal', stage: 'Negotiation', amount: 1200, closeDate: today, outcome: 'open' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined());
    expect(await fakeBrowser.alarms.get(CHANGED_ALARM)).toBeUndefined();

    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(DIGEST_ALARM))!);
    await vi.waitFor(async () => expect((await readPortfolioDigest(db))?.builtAt).toBeGreaterThan(before?.builtAt ?? -1));
    // The snapshot is the one the start run wrote: nothing was rescored.
    expect((await db.snapshots.get(today))?.computedAt).toBe(snapshot!.computedAt);
  });

  it('skip the rebuild when a run queued ahead of it has already read them', async () => {
    await db.accounts.put({ id: 'a1', name: 'Acme', domains: [], arr: 1000, startDate: '2024-01-01', status: 'active' });
    setupRescoring(db);
    await scheduleRescore(db, 'daily');
    // An import of opportunities and usage: both alarms are set, the rescoring's fires first.
    await db.opportunities.put({ id: 'o1', accountId: 'a1', type: 'renewal', stage: 'Negotiation', amount: 1200, closeDate: localDay(new Date()), outcome: 'open' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined());
    const digestAlarm = (await fakeBrowser.alarms.get(DIGEST_ALARM))!;
    // The usage import: 60 rows, more than Dexie names keys for, so the run rescores (and evaluates) every account.
    await db.usage.bulkPut(
      Array.from({ length: 60 }, (_, i) => ({
        accountId: 'a1', date: addDaysIso(localDay(new Date()), -i), logins: 1, assessments: 0, reports: 0, activeUsers: 1, usersInvited: 1, featuresUsed: 1,
      })),
    );
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(CHANGED_ALARM)).toBeDefined());
    const changeAlarm = (await fakeBrowser.alarms.get(CHANGED_ALARM))!;
    await fakeBrowser.alarms.clear(CHANGED_ALARM);
    await fakeBrowser.alarms.onAlarm.trigger(changeAlarm);
    await scheduleRescore(db, 'start'); // queued behind the run the alarm started
    const afterRun = await readPortfolioDigest(db);
    expect(afterRun).toBeDefined();

    await fakeBrowser.alarms.onAlarm.trigger(digestAlarm);
    await scheduleRescore(db, 'start'); // queued behind the digest run: once it resolves, that run is done
    expect((await readPortfolioDigest(db))?.builtAt).toBe(afterRun?.builtAt);
  });

  it('still rebuild for a change made after the last digest read its tables', async () => {
    await db.accounts.put({ id: 'a1', name: 'Acme', domains: [], arr: 1000, startDate: '2024-01-01', status: 'active' });
    setupRescoring(db);
    await scheduleRescore(db, 'daily');
    const before = await readPortfolioDigest(db);
    await db.milestones.put({ accountId: 'a1', key: 'first-report', date: localDay(new Date()) });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeDefined());
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(DIGEST_ALARM))!);
    await scheduleRescore(db, 'start');
    expect((await readPortfolioDigest(db))?.builtAt).toBeGreaterThan(before?.builtAt ?? -1);
  });
});

describe("the popup's stored views", () => {
  it('are rebuilt after rescoring and again, without rescoring, when an override changes', async () => {
    const today = localDay(new Date());
    await db.accounts.put({ id: 'a1', name: 'Acme', domains: [], arr: 1000, startDate: '2024-01-01', status: 'active' });
    setupRescoring(db);
    await scheduleRescore(db, 'daily'); // queued behind the start run
    const viewsKey = async () => ((await db.meta.get(POPUP_VIEWS_KEY))?.value as { inputsKey?: string; digestBuiltAt?: number } | undefined);
    const digest = await readPortfolioDigest(db);
    expect(await viewsKey()).toMatchObject({ inputsKey: popupInputsKey([], DEFAULT_SETTINGS), digestBuiltAt: digest?.builtAt });
    const snapshot = await db.snapshots.get(today);

    const override = { accountId: 'a1', score: 30, reason: 'Champion left', expiresOn: '2099-01-01', locked: true, setBy: 'Dana', setAt: 7 };
    await db.overrides.put(override);
    await vi.waitFor(async () => expect((await viewsKey())?.inputsKey).toBe(popupInputsKey([override], DEFAULT_SETTINGS)), { timeout: 5000 });
    expect((await db.snapshots.get(today))?.computedAt).toBe(snapshot!.computedAt);
    expect(await fakeBrowser.alarms.get(CHANGED_ALARM)).toBeUndefined();
  });
});
