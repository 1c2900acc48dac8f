import { describe, expect, it } from 'vitest';
import type { SightlineDatabase } from '@/lib/db/database';
import { loadDemoData } from '@/lib/db/demo-loader';
import { RESCORE_PROGRESS_KEY, rescoreAll } from '@/lib/db/rescore';
import { rescoreAccounts } from '@/lib/db/rescore-accounts';
import { refreshRollups } from '@/lib/db/scoring-rollups';
import { generateDemoPortfolio } from '@/lib/demo/generate';
import type { Account, UsageDay } from '@/lib/schemas/records';
import { DEFAULT_SETTINGS } from '@/lib/schemas/settings';
import { useTestDatabase } from '../support/test-database';

const TODAY = '2025-06-15';
const settings = DEFAULT_SETTINGS;

let db: SightlineDatabase;
useTestDatabase((fresh) => {
  db = fresh;
});

const account = (id: string): Account => ({ id, name: id, domains: [], arr: 1000, startDate: '2024-01-01', status: 'active', plan: 'Starter', seats: 5 });
/** Starter, 5 seats: this row alone scores 100 (see rescore.test.ts). */
const fullUsage = (accountId: string): UsageDay => ({
  accountId, date: '2025-06-14', logins: 40, assessments: 2, reports: 2, activeUsers: 5, usersInvited: 5, featuresUsed: 10,
});

/** Writes rows and their accounts' rollups in one transaction, as every write path does. */
async function write(records: { accounts?: Account[]; usage?: UsageDay[] }): Promise<void> {
  await db.transaction('rw', [db.accounts, db.usage, db.tickets, db.nps, db.meetings, db.scoringRollups], async () => {
    if (records.accounts) await db.accounts.bulkPut(records.accounts);
    if (records.usage) await db.usage.bulkPut(records.usage);
    await refreshRollups(db, [...(records.accounts ?? []), ...(records.usage ?? [])].map((r) => ('accountId' in r ? r.accountId : r.id)));
  });
}

async function seedDemo(): Promise<string[]> {
  const demo = generateDemoPortfolio({ seed: 11, today: TODAY, accounts: 40 });
  await loadDemoData(db, demo, { settings, now: () => Date.parse(`${TODAY}T12:00:00Z`) });
  return demo.accounts.map((a) => a.id);
}

describe('rescoreAccounts', () => {
  it('writes into today’s snapshot exactly what a full run would, for changed, added and deleted accounts', async () => {
    const ids = await seedDemo();
    await rescoreAll(db, settings, TODAY);
    const before = (await db.snapshots.get(TODAY))!;

    // One account's usage replaced, one account deleted, one added between existing ids.
    const [changed, deleted] = [ids[3]!, ids[7]!];
    await db.usage.where('accountId').equals(changed).delete();
    await write({ usage: [fullUsage(changed)] });
    await db.accounts.delete(deleted);
    const added = `${ids[12]!}-new`;
    await write({ accounts: [account(added)], usage: [fullUsage(added)] });

    const result = await rescoreAccounts(db, settings, TODAY, [changed, deleted, added], { now: () => 4242 });
    expect(result).toEqual({ date: TODAY, rescored: 2, added: 1, removed: 1, overridesDropped: 0, overridesStamped: 0 });
    const patched = (await db.snapshots.get(TODAY))!;
    expect(patched.computedAt).toBe(4242);
    expect(patched.scores[patched.accountIds.indexOf(changed)]).not.toBe(before.scores[before.accountIds.indexOf(changed)]);

    await rescoreAll(db, settings, TODAY, { restart: true });
    const full = (await db.snapshots.get(TODAY))!;
    expect(patched.accountIds).toEqual(full.accountIds);
    expect(patched.scores).toEqual(full.scores);
  });

  it('deletes an unlocked override whose computed band moved, and keeps a locked one', async () => {
    await write({ accounts: [account('a1'), account('a2')], usage: [fullUsage('a1'), fullUsage('a2')] });
    await rescoreAll(db, settings, TODAY);
    const override = { score: 30, reason: 'Exec sponsor left', expiresOn: '2025-12-31', setBy: 'sam', setAt: 1, computedBandAtSet: 'healthy' as const };
    await db.overrides.bulkPut([
      { accountId: 'a1', locked: false, ...override },
      { accountId: 'a2', locked: true, ...override },
    ]);
    // Both lose their usage: computed band healthy → unknown.
    await db.usage.clear();
    await refreshRollups(db, ['a1', 'a2']);
    const result = await rescoreAccounts(db, settings, TODAY, ['a1', 'a2']);
    expect(result).toMatchObject({ rescored: 2, overridesDropped: 1 });
    expect((await db.overrides.toArray()).map((o) => o.accountId)).toEqual(['a2']);
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([-1, -1]);
  });

  it('rebuilds a missing rollup from the rows before scoring', async () => {
    await write({ accounts: [account('a1')], usage: [] });
    await rescoreAll(db, settings, TODAY);
    await db.usage.put(fullUsage('a1')); // written without its rollup
    await db.scoringRollups.delete('a1');
    await rescoreAccounts(db, settings, TODAY, ['a1']);
    expect((await db.snapshots.get(TODAY))?.scores).toEqual([100]);
    expect(await db.scoringRollups.get('a1')).toBeDefined();
  });

  it('writes nothing and resolves null when today’s snapshot does not list every account', async () => {
    await write({ accounts: [account('a1')], usage: [fullUsage('a1')] });
    await rescoreAll(db, settings, TODAY);
    const snapshot = await db.snapshots.get(TODAY);
    await db.accounts.put(account('a2')); // an account this run is not told about
    expect(await rescoreAccounts(db, settings, TODAY, ['a1'])).toBeNull();
    expect(await db.snapshots.get(TODAY)).toEqual(snapshot);
  });

  it('writes nothing and resolves null under other settings than the full run that wrote today’s snapshot', async () => {
    await write({ accounts: [account('a1')], usage: [fullUsage('a1')] });
    await rescoreAll(db, settings, TODAY);
    const snapshot = await db.snapshots.get(TODAY);
    const saved = { ...settings, weights: { usage: 35, engagement: 30, adoption: 20, relationship: 15 } };
    expect(await rescoreAccounts(db, saved, TODAY, ['a1'])).toBeNull();
    expect(await db.snapshots.get(TODAY)).toEqual(snapshot);
  });

  it('writes nothing and resolves null when today has no snapshot or a full run is unfinished', async () => {
    await write({ accounts: [account('a1')], usage: [fullUsage('a1')] });
    expect(await rescoreAccounts(db, settings, TODAY, ['a1'])).toBeNull();
    expect(await db.snapshots.count()).toBe(0);

    await rescoreAll(db, settings, TODAY);
    const snapshot = await db.snapshots.get(TODAY);
    await db.meta.put({ key: RESCORE_PROGRESS_KEY, value: { date: TODAY } });
    expect(await rescoreAccounts(db, settings, TODAY, ['a1'])).toBeNull();
    expect(await db.snapshots.get(TODAY)).toEqual(snapshot);
  });

  it('rejects an invalid day', async () => {
    await expect(rescoreAccounts(db, settings, '2025-02-30', ['a1'])).rejects.toThrow(/today: "2025-02-30"/);
  });
});
