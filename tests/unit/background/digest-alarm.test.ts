import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGED_ALARM, DIGEST_ALARM, scheduleRescore, setupRescoring } from '@/entrypoints/background/rescoring';
import { SightlineDatabase } from '@/lib/db/database';
import { readPortfolioDigest } from '@/lib/db/portfolio-digest';
import { localDay } from '@/lib/scoring/dates';

let db: SightlineDatabase;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new SightlineDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
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

    await fakeBrowser.alarms.onAlarm.trigger({ name: DIGEST_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await readPortfolioDigest(db))?.builtAt).toBeGreaterThan(before?.builtAt ?? -1));
    // The snapshot is the one the start run wrote: nothing was rescored.
    expect((await db.snapshots.get(today))?.computedAt).toBe(snapshot!.computedAt);
  });
});
